-- Accounts: guests (no e-mail, no password) and registered coders/employers. Roles are a comma-separated set.
create table account (
    id            uuid primary key,
    email         varchar(254) unique,
    password_hash varchar(200),
    account_type  varchar(16)  not null check (account_type in ('guest', 'coder', 'employer')),
    plan          varchar(16)  not null check (plan in ('guest', 'free', 'pro')),
    roles         varchar(200) not null,
    created_at    timestamptz  not null default now(),
    updated_at    timestamptz  not null default now(),
    merged_into   uuid references account (id)
);

-- Refresh tokens are opaque random strings; only their SHA-256 is stored. One family per login; reuse of a rotated
-- token revokes the whole family.
create table refresh_token (
    token_hash  varchar(64) primary key,
    account_id  uuid        not null references account (id) on delete cascade,
    family_id   uuid        not null,
    issued_at   timestamptz not null,
    expires_at  timestamptz not null,
    revoked_at  timestamptz,
    replaced_by varchar(64)
);
create index refresh_token_family on refresh_token (family_id);
create index refresh_token_account on refresh_token (account_id);

-- Failed logins per e-mail (hashed, known or not, so throttling does not reveal which e-mails have accounts).
create table login_throttle (
    email_key       varchar(64) primary key,
    failures        integer     not null,
    locked_until    timestamptz,
    last_failure_at timestamptz not null
);

-- Code page views: one row per account and period holds the count (locked while a view is decided), one row per
-- distinct code seen in the period.
create table view_period (
    account_id uuid        not null references account (id) on delete cascade,
    period     varchar(10) not null,
    used       integer     not null default 0 check (used >= 0),
    primary key (account_id, period)
);

create table code_view (
    account_id uuid        not null,
    period     varchar(10) not null,
    code_key   varchar(80) not null,
    viewed_at  timestamptz not null default now(),
    primary key (account_id, period, code_key),
    foreign key (account_id, period) references view_period (account_id, period) on delete cascade
);
