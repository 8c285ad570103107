-- The codes of the newest release of each dataset (the "current" code sets): what search indexes and what claim
-- checks validate against. Deleted codes are in older releases only (see code_entry / code_change).
create view current_code_entry as
select e.system, e.code, e.header, e.short_title, e.long_title, e.parent_code, e.seq, e.attrs,
       r.id as release_id, r.dataset, r.version, r.effective_date
from code_entry e
join code_release r on r.id = e.release_id
where r.id in (select distinct on (dataset) id from code_release order by dataset, effective_date desc, id desc);
