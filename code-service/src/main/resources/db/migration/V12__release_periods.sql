-- When each release applies, and how much of its code set it lists (owner: com.casecoding.codes.release).
-- valid_from / valid_to: the release's validity period, from the file or the publisher's calendar (ICD-10 fiscal
--   year October 1 to September 30, HCPCS and NCCI quarters, MPFS and CPT calendar years); valid_to null = open.
--   Rows imported before this column existed are read with the same calendar (release.ReleaseCalendar).
-- complete_for: null = the release lists its whole code set, so a code missing from it is not in force while it
--   applies; '' = a partial list (a code missing from it says nothing); otherwise the comma-separated kinds of code
--   it lists in full (CPT numbers from the fee schedule: categories I, II and III, not PLA or MAAA codes).
-- derived: built by the platform from other releases (CPT numbers named by the CMS files), not read from one file.
alter table code_release add column valid_from date;
alter table code_release add column valid_to date;
alter table code_release add column complete_for varchar(200);
alter table code_release add column derived boolean not null default false;
alter table code_release add constraint code_release_period check (valid_to is null or valid_from is null
    or valid_to >= valid_from);

-- A derived release is recorded in the import log like a file.
alter table import_run drop constraint import_run_status_check;
alter table import_run add constraint import_run_status_check
    check (status in ('imported', 'replaced', 'unchanged', 'refused', 'failed', 'derived'));

-- "current" = the newest release of each dataset that lists its whole code set (partial lists are left out);
-- whether it is in force today is for release.ReleaseCatalog / GET /api/releases to say.
create or replace view current_code_entry as
select e.system, e.code, e.header, e.short_title, e.long_title, e.parent_code, e.seq, e.attrs,
       r.id as release_id, r.dataset, r.version, r.effective_date
from code_entry e
join code_release r on r.id = e.release_id
where r.id in (select distinct on (dataset) id from code_release where complete_for is null
               order by dataset, coalesce(valid_from, effective_date) desc, id desc);
