-- ICD-10-CM Tabular List XML (CDC, dataset icd10cm-tabular): chapters, sections and diag nodes as nested in the
-- file, their notes (includes, inclusion terms, excludes1/2, code first, use additional code, code also, notes,
-- 7th-character notes) and 7th-character tables. node_id is the node's position in the file (1-based).
create table icd10cm_tabular_node (
    release_id bigint      not null references code_release (id) on delete cascade,
    node_id    integer     not null,
    parent_id  integer,
    kind       varchar(8)  not null check (kind in ('chapter', 'section', 'diag')),
    name       varchar(16) not null,
    title      text        not null,
    primary key (release_id, node_id)
);
create index icd10cm_tabular_node_name on icd10cm_tabular_node (release_id, kind, name);

create table icd10cm_tabular_note (
    release_id bigint      not null references code_release (id) on delete cascade,
    node_id    integer     not null,
    seq        integer     not null,
    kind       varchar(24) not null,
    text       text        not null,
    primary key (release_id, node_id, seq)
);

-- The codes a note names in parentheses, as ranges of stored codes ("E10.-" -> E10..E10; "A00-A09" -> A00..A09):
-- a code falls in a range when its prefix of the bound's length lies between the bounds.
create table icd10cm_tabular_note_ref (
    release_id bigint      not null references code_release (id) on delete cascade,
    node_id    integer     not null,
    seq        integer     not null,
    first_code varchar(16) not null,
    last_code  varchar(16) not null
);
create index icd10cm_tabular_note_ref_node on icd10cm_tabular_note_ref (release_id, node_id);

create table icd10cm_tabular_seventh (
    release_id bigint     not null references code_release (id) on delete cascade,
    node_id    integer    not null,
    character  varchar(1) not null,
    meaning    text       not null,
    primary key (release_id, node_id, character)
);

-- ICD-10-CM Alphabetic Index XML (CDC): the Index to Diseases and Injuries (icd10cm-index), the External Cause
-- index (icd10cm-eindex), the Table of Neoplasms (icd10cm-neoplasm) and the Table of Drugs and Chemicals
-- (icd10cm-drug). One row per main term or subterm, nested by parent_id; table rows carry their cells.
create table icd10cm_index_term (
    release_id      bigint      not null references code_release (id) on delete cascade,
    term_id         integer     not null,
    parent_id       integer,
    level           smallint    not null,
    letter          varchar(16),
    title           text        not null,
    nemod           text,
    path            text        not null,
    code            varchar(16),
    code_incomplete boolean     not null default false,
    manif           varchar(16),
    see             text,
    see_also        text,
    primary key (release_id, term_id)
);
create index icd10cm_index_term_code on icd10cm_index_term (code);
create index icd10cm_index_term_manif on icd10cm_index_term (manif);

create table icd10cm_index_cell (
    release_id bigint      not null references code_release (id) on delete cascade,
    term_id    integer     not null,
    col        smallint    not null,
    heading    text        not null,
    code       varchar(16) not null,
    incomplete boolean     not null,
    primary key (release_id, term_id, col)
);
create index icd10cm_index_cell_code on icd10cm_index_cell (code);
