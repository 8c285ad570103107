-- Flags search filters by (HCC-mapped, CC, MCC, HAC), from the newest release of each reference dataset. Search
-- reads this view only; the reference importers own the tables behind it.
create view code_search_flag as
with newest as (
    select distinct on (dataset) id, dataset
    from code_release
    where dataset like 'cms-hcc-v%' or dataset = 'msdrg'
    order by dataset, effective_date desc, version desc, id desc
)
select distinct 'icd10cm'::varchar(16) as system, m.code, 'hcc'::varchar(16) as flag
from hcc_mapping m join newest n on n.id = m.release_id
union
select distinct 'icd10cm', m.code, ('hcc-' || substr(n.dataset, 9))::varchar(16)
from hcc_mapping m join newest n on n.id = m.release_id
union
select 'icd10cm', s.code, s.level::varchar(16)
from msdrg_dx_severity s join newest n on n.id = s.release_id
union
select distinct h.system, h.code, 'hac'::varchar(16)
from msdrg_hac h join newest n on n.id = h.release_id;
