-- A counter bumped by every write to job_posting: search keeps an in-memory index of the public postings (filters,
-- facets, sorting) and reloads it when this number moves, whichever instance or tool made the change.
create table posting_generation (
    id    integer primary key check (id = 1),
    value bigint  not null
);
insert into posting_generation (id, value) values (1, 0);

create function bump_posting_generation() returns trigger language plpgsql as $$
begin
    update posting_generation set value = value + 1 where id = 1;
    return null;
end;
$$;

create trigger job_posting_generation after insert or update or delete or truncate on job_posting
    for each statement execute function bump_posting_generation();
