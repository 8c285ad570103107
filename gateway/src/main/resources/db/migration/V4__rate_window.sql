-- Rate-limit counts of every gateway replica (gateway.rate-limit-scope=cluster, proxy.SharedRateWindows): requests per
-- key (SHA-256 of the limit group and the account or client address) and minute since the epoch, added to by each
-- replica every few hundred milliseconds. Rows before the previous minute are deleted as the replicas go.
create table rate_window (
    bucket       varchar(64) not null,
    window_start bigint      not null,
    requests     integer     not null,
    primary key (bucket, window_start)
);
create index rate_window_start on rate_window (window_start);
