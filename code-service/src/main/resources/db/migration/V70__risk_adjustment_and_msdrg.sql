-- Reference data that annotates ICD-10-CM/PCS codes (owner: package com.casecoding.codes.reference).
-- Every row belongs to one code_release; deleting a release removes what it brought.

-- CMS-HCC mapping (the "format" table of the CMS risk-adjustment software): ICD-10-CM code -> HCC, one dataset per
-- model version (cms-hcc-v24, cms-hcc-v28), one release per payment year. A code mapping to no HCC has no row.
create table hcc_mapping (
    release_id bigint      not null references code_release (id) on delete cascade,
    code       varchar(16) not null,
    hcc        smallint    not null check (hcc between 1 and 999),
    line       integer     not null,
    primary key (release_id, code, hcc)
);
create index hcc_mapping_code on hcc_mapping (code);

-- MS-DRG definitions (dataset msdrg, one release per grouper version): Appendix A, the DRG list.
create table msdrg_drg (
    release_id bigint   not null references code_release (id) on delete cascade,
    drg        smallint not null check (drg between 1 and 999),
    mdc        varchar(2),
    drg_type   char(1)  check (drg_type in ('M', 'P')),
    title      text     not null,
    primary key (release_id, drg)
);

-- Appendix G (CC list) and Appendix H (MCC list; Part 2: MCC only when the patient is discharged alive).
create table msdrg_dx_severity (
    release_id bigint      not null references code_release (id) on delete cascade,
    code       varchar(16) not null,
    level      varchar(3)  not null check (level in ('cc', 'mcc')),
    alive_only boolean     not null,
    title      text,
    primary key (release_id, code)
);
create index msdrg_dx_severity_code on msdrg_dx_severity (code);

-- Appendix I, the Hospital-Acquired Conditions: per HAC category the published criteria lists (secondary
-- diagnoses, principal diagnoses, procedures); a HAC needs one code of each list of its category ("AND").
create table msdrg_hac (
    release_id bigint       not null references code_release (id) on delete cascade,
    seq        integer      not null,
    hac        varchar(4)   not null,
    hac_title  text         not null,
    criterion  smallint     not null,
    part       varchar(200) not null,
    system     varchar(16)  not null check (system in ('icd10cm', 'icd10pcs')),
    code       varchar(16)  not null,
    severity   varchar(3)   check (severity in ('cc', 'mcc')),
    non_or     boolean      not null,
    primary key (release_id, seq)
);
create index msdrg_hac_code on msdrg_hac (system, code);

-- CMS Place of Service code set (two-digit codes on professional claims).
create table place_of_service (
    release_id bigint     not null references code_release (id) on delete cascade,
    code       varchar(2) not null,
    name       text       not null,
    primary key (release_id, code)
);
