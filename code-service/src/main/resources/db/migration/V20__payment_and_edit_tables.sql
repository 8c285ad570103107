-- Payment (Medicare Physician Fee Schedule) and NCCI edit tables. Every row belongs to one code_release; the
-- service reads the rows of the newest release of each dataset (all parts sharing its version, for split files).

create table mpfs_rvu (
    release_id        bigint       not null references code_release (id) on delete cascade,
    hcpcs             varchar(5)   not null,
    modifier          varchar(2)   not null default '',
    status_code       varchar(1)   not null,
    not_used_medicare varchar(1)   not null default '',
    work_rvu          numeric(8,2) not null,
    nonfac_pe_rvu     numeric(8,2) not null,
    nonfac_na         varchar(2)   not null default '',
    fac_pe_rvu        numeric(8,2) not null,
    fac_na            varchar(2)   not null default '',
    mp_rvu            numeric(8,2) not null,
    pctc_ind          varchar(1)   not null,
    global_days       varchar(3)   not null,
    pre_op            numeric(6,2) not null,
    intra_op          numeric(6,2) not null,
    post_op           numeric(6,2) not null,
    mult_proc         varchar(1)   not null,
    bilat_surg        varchar(1)   not null,
    asst_surg         varchar(1)   not null,
    co_surg           varchar(1)   not null,
    team_surg         varchar(1)   not null,
    endo_base         varchar(5)   not null default '',
    conv_factor       numeric(9,4) not null,
    phys_supervision  varchar(2)   not null default '',
    primary key (release_id, hcpcs, modifier)
);

create table mpfs_gpci (
    release_id    bigint       not null references code_release (id) on delete cascade,
    mac           varchar(5)   not null,
    state         varchar(2)   not null,
    locality      varchar(2)   not null,
    locality_name text         not null,
    work_gpci     numeric(6,3) not null,
    pe_gpci       numeric(6,3) not null,
    mp_gpci       numeric(6,3) not null,
    primary key (release_id, mac, locality)
);

create table mpfs_locality_county (
    release_id        bigint       not null references code_release (id) on delete cascade,
    line_no           integer      not null,
    mac               varchar(5)   not null,
    locality          varchar(2)   not null,
    state             varchar(40)  not null,
    fee_schedule_area text         not null,
    counties          text         not null,
    primary key (release_id, line_no)
);

create table ncci_mue (
    release_id  bigint      not null references code_release (id) on delete cascade,
    code        varchar(5)  not null,
    mue_value   integer     not null check (mue_value >= 0),
    mai         smallint    not null check (mai in (1, 2, 3)),
    rationale   text        not null,
    primary key (release_id, code)
);

create table ncci_aoc (
    release_id         bigint      not null references code_release (id) on delete cascade,
    line_no            integer     not null,
    edit_type          smallint    not null check (edit_type in (1, 2, 3)),
    addon_code         varchar(5)  not null,
    addon_deleted      date,
    primary_code       varchar(5)  not null,
    primary_deleted    date,
    effective_date     date        not null,
    deletion_date      date,
    notes              text        not null default '',
    primary key (release_id, line_no)
);
create index ncci_aoc_addon on ncci_aoc (addon_code);
create index ncci_aoc_primary on ncci_aoc (primary_code);

create table ncci_ptp (
    release_id      bigint       not null references code_release (id) on delete cascade,
    line_no         integer      not null,
    column1         varchar(5)   not null,
    column2         varchar(5)   not null,
    before_1996     boolean      not null,
    effective_date  date         not null,
    deletion_date   date,
    modifier_ind    smallint     not null check (modifier_ind in (0, 1, 9)),
    rationale       text         not null,
    primary key (release_id, line_no)
);
create index ncci_ptp_pair on ncci_ptp (column1, column2);
