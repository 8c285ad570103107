-- Login throttling (LoginThrottle): one counter per e-mail and address, per address and per e-mail, each keyed by a
-- SHA-256 of its kind and value; the networks (/24, /48) each account signed in from successfully are "familiar" and
-- exempt from the two shared counters. Rows keyed the old way are never read again and are purged with the others.
alter table login_throttle rename column email_key to throttle_key;
create index login_throttle_last_failure on login_throttle (last_failure_at);

create table login_familiar_network (
    familiar_key    varchar(64) primary key,
    last_success_at timestamptz not null
);
create index login_familiar_network_last_success on login_familiar_network (last_success_at);

-- Guests: issuance is limited per client address (created_from: SHA-256 of the address, IPv6 by /64), and a guest
-- token is bound to its network (guest_network, e.g. 203.0.113.0/24). Guests whose tokens have all expired are purged.
alter table account add column created_from varchar(64);
alter table account add column guest_network varchar(50);
create index account_guest_created_from on account (created_from, created_at) where plan = 'guest';
create index account_guest_created on account (created_at) where plan = 'guest';

-- Revocation (Revocations): an account's tokens carry its token version; raising it (roles or plan changed) ends every
-- older token. An ended sign-in (sign-out, refresh token reuse) ends the tokens of its session (the refresh family).
-- Each row is kept until every token it concerns has expired.
alter table account add column token_version integer not null default 0;
create table token_revocation (
    id          bigserial primary key,
    account_id  uuid        not null,
    session_id  uuid,
    min_version integer,
    created_at  timestamptz not null default clock_timestamp(),
    expires_at  timestamptz not null,
    check ((session_id is null) <> (min_version is null))
);
create index token_revocation_created on token_revocation (created_at);
create index token_revocation_expires on token_revocation (expires_at);
create index token_revocation_session on token_revocation (session_id) where session_id is not null;

-- Refresh rotation: a token rotated moments ago may be used again from the same address (two tabs), a bounded number
-- of times; rotated_by is a SHA-256 of the address that rotated it.
alter table refresh_token add column rotated_by varchar(64);
alter table refresh_token add column grace_uses integer not null default 0;
