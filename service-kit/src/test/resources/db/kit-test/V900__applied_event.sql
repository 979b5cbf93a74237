-- Test only: what a handler under test applied, one row per application (duplicates would show twice).
create table applied_event (
    id         bigserial    primary key,
    consumer   varchar(100) not null,
    event_id   varchar(64)  not null,
    subject    varchar(200)
);
