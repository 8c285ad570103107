-- CasePilot: questions asked per account (token subject) per UTC day, for the per-plan daily limit.
-- Incremented with one atomic upsert per question; old days can be purged freely.
create table assistant_daily_questions (
    subject   varchar(100) not null,
    day       date         not null,
    questions integer      not null check (questions >= 0),
    primary key (subject, day)
);
create index assistant_daily_questions_day on assistant_daily_questions (day);
