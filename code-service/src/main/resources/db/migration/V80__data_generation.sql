-- One counter every code-service replica follows (release.DataGeneration): an import or an edited text bumps it in
-- the process that made the change; the others see the new value on their next poll and reload what they keep
-- (catalog, edit and reference tables, code pages, search index, assistant data).
create table data_generation (
    id          boolean      primary key default true check (id),
    generation  bigint       not null,
    changed_at  timestamptz  not null,
    what        varchar(200) not null
);

insert into data_generation (id, generation, changed_at, what) values (true, 0, now(), 'created');
