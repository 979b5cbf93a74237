-- Shared by every service (service-kit). Runs in the service's own schema.

-- Transactional outbox: written in the same transaction as the state change it announces,
-- relayed to Kafka in order of seq, deleted once the broker acknowledged it.
create table outbox_event (
    seq         bigserial    primary key,
    event_id    varchar(64)  not null unique,
    topic       varchar(200) not null,
    record_key  varchar(400) not null,
    event_type  varchar(100) not null,
    tenant_id   varchar(100) not null,
    payload     text         not null,
    created_at  timestamptz  not null default now()
);

-- Idempotent consumers: the primary key rejects an event id seen before by the same consumer.
create table consumed_event (
    event_id    varchar(64)  not null,
    consumer    varchar(100) not null,
    consumed_at timestamptz  not null default now(),
    primary key (event_id, consumer)
);
