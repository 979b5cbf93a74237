-- interaction-service owns the schema "interaction".

-- Flows of a tenant and their default settings; silent_monitoring is the B03 toggle.
create table flow (
    tenant_id         varchar(100) not null,
    flow_id           varchar(100) not null,
    name              varchar(200) not null,
    silent_monitoring boolean      not null,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    primary key (tenant_id, flow_id)
);

-- Interactions of every channel. Flow name and toggle are copied at start and never follow the flow (B03).
create table interaction (
    id                uuid         primary key,
    tenant_id         varchar(100) not null,
    channel           varchar(20)  not null,
    flow_id           varchar(100) not null,
    flow_name         varchar(200) not null,
    silent_monitoring boolean      not null,
    agent_id          varchar(255) not null,
    agent_name        varchar(200) not null,
    customer          varchar(255) not null,
    -- voice only: the telephony gateway's call
    call_id           varchar(200),
    state             varchar(10)  not null,
    started_at        timestamptz  not null,
    ended_at          timestamptz,
    ended_by          varchar(20),
    constraint interaction_state check (state in ('ACTIVE', 'ENDED')),
    constraint interaction_ended check ((state = 'ENDED') = (ended_at is not null))
);

-- one interaction per call, whatever the telephony gateway repeats
create unique index interaction_call on interaction (tenant_id, call_id) where call_id is not null;
-- the listings (B12): newest first, filtered by state, channel or agent
create index interaction_by_state on interaction (tenant_id, state, started_at desc);
create index interaction_by_channel on interaction (tenant_id, channel, started_at desc);
create index interaction_by_agent on interaction (tenant_id, agent_id, started_at desc);
create index interaction_listing on interaction (tenant_id, started_at desc);

create table participant (
    interaction_id uuid         not null references interaction (id) on delete cascade,
    participant_id varchar(255) not null,
    role           varchar(20)  not null,
    display_name   varchar(200) not null,
    joined_at      timestamptz  not null,
    left_at        timestamptz,
    primary key (interaction_id, role, participant_id)
);

-- A call-ended that arrived before its call-started: applied when the call-started comes.
create table early_call_end (
    tenant_id   varchar(100) not null,
    call_id     varchar(200) not null,
    ended_by    varchar(20),
    ended_at    timestamptz  not null,
    received_at timestamptz  not null default now(),
    primary key (tenant_id, call_id)
);

-- Read model of permission-events: a user's effective permissions, newest revision only.
create table user_permission (
    tenant_id   varchar(100) not null,
    user_id     varchar(255) not null,
    role        varchar(100),
    permissions jsonb        not null,
    revision    bigint       not null,
    updated_at  timestamptz  not null default now(),
    primary key (tenant_id, user_id)
);

-- Agent-desktop logins: one row per user who ever logged in; revision increases with each change.
create table agent_session (
    tenant_id  varchar(100) not null,
    user_id    varchar(255) not null,
    logged_in  boolean      not null,
    revision   bigint       not null,
    changed_at timestamptz  not null,
    primary key (tenant_id, user_id)
);
