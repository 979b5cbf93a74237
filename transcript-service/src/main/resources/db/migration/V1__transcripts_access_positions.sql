-- transcript-service owns the schema "transcript".

-- One row per interaction that has a transcript: created by interaction-started (digital channels) or,
-- if a producer misbehaves, by its first message (channel unknown until interaction-started comes).
create table transcript (
    interaction_id varchar(64)  primary key,
    tenant_id      varchar(100) not null,
    channel        varchar(20),
    started_at     timestamptz,
    ended_at       timestamptz,
    last_sequence  bigint       not null default 0
);

-- Every message, in order of its sequence (from 1 per interaction). Both keys absorb duplicates.
create table message (
    interaction_id varchar(64)  not null references transcript (interaction_id),
    sequence       bigint       not null,
    message_id     varchar(200) not null,
    author_role    varchar(20)  not null,
    author_id      varchar(255),
    author_name    varchar(200),
    text           text         not null,
    posted_at      timestamptz  not null,
    primary key (interaction_id, sequence),
    constraint message_sequence check (sequence >= 1)
);
create unique index message_id_once on message (interaction_id, message_id);

-- Read model of monitoring-events: one row per session; only ACTIVE grants reading (B30).
create table monitor_session (
    session_id     varchar(64)  primary key,
    tenant_id      varchar(100) not null,
    interaction_id varchar(64)  not null,
    supervisor_id  varchar(255) not null,
    channel        varchar(20),
    state          varchar(10)  not null,
    updated_at     timestamptz  not null default now(),
    constraint monitor_session_state check (state in ('DIALING', 'ACTIVE', 'ENDED'))
);
create index monitor_session_reader on monitor_session (tenant_id, interaction_id, supervisor_id) where state = 'ACTIVE';

-- Read model of permission-events: newest revision only; a removed user keeps a tombstone with no permission.
create table user_permission (
    tenant_id   varchar(100) not null,
    user_id     varchar(255) not null,
    permissions jsonb        not null,
    revision    bigint       not null,
    removed     boolean      not null default false,
    updated_at  timestamptz  not null default now(),
    primary key (tenant_id, user_id)
);

-- B11: the highest sequence delivered to each viewer, per interaction.
create table read_position (
    tenant_id      varchar(100) not null,
    user_id        varchar(255) not null,
    interaction_id varchar(64)  not null,
    position       bigint       not null,
    read_at        timestamptz  not null,
    primary key (tenant_id, user_id, interaction_id)
);
