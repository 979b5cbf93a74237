-- monitoring-service owns the schema "monitoring".

-- Read model: interactions as interaction-service announced them.
create table interaction (
    interaction_id    varchar(64)  primary key,
    tenant_id         varchar(100) not null,
    channel           varchar(16)  not null,
    flow_id           varchar(100),
    flow_name         varchar(200),
    silent_monitoring boolean      not null,
    agent_id          varchar(255),
    agent_name        varchar(200),
    customer          varchar(200),
    call_id           varchar(64),
    state             varchar(16)  not null,
    started_at        timestamptz  not null,
    ended_at          timestamptz,
    -- set once a session was ever started on it: "previously monitored" rows stay in the table (B10)
    monitored         boolean      not null default false,
    last_message_seq  bigint       not null default 0,
    last_message_at   timestamptz
);
-- the monitoring table: one tenant, monitorable only, active or previously monitored, newest first (B10, B12)
create index interaction_table on interaction (tenant_id, started_at desc, interaction_id)
    where silent_monitoring and (state = 'ACTIVE' or monitored);
create index interaction_table_by_agent on interaction (tenant_id, agent_id, started_at desc)
    where silent_monitoring;
create index interaction_by_call on interaction (call_id) where call_id is not null;

create table participant (
    interaction_id varchar(64)  not null references interaction (interaction_id),
    participant_id varchar(255) not null,
    role           varchar(16)  not null,
    display_name   varchar(200),
    joined_at      timestamptz  not null,
    left_at        timestamptz,
    primary key (interaction_id, participant_id)
);

-- Read model: users' effective permissions and ordered extensions (permission-events).
create table user_access (
    tenant_id    varchar(100) not null,
    user_id      varchar(255) not null,
    display_name varchar(200),
    role         varchar(60),
    permissions  jsonb        not null,
    extensions   jsonb        not null,
    revision     bigint       not null,
    removed      boolean      not null default false,
    primary key (tenant_id, user_id)
);

-- Read model: agent-desktop presence (agent-presence).
create table agent_presence (
    tenant_id  varchar(100) not null,
    user_id    varchar(255) not null,
    logged_in  boolean      not null,
    revision   bigint       not null,
    changed_at timestamptz  not null,
    primary key (tenant_id, user_id)
);

create table monitoring_session (
    session_id        varchar(64)  primary key,
    tenant_id         varchar(100) not null,
    interaction_id    varchar(64)  not null references interaction (interaction_id),
    channel           varchar(16)  not null,
    supervisor_id     varchar(255) not null,
    supervisor_name   varchar(200),
    extension_label   varchar(60),
    extension_kind    varchar(16),
    extension_address varchar(255),
    state             varchar(16)  not null,
    mode              varchar(16),
    end_reason        varchar(32),
    end_detail        varchar(200),
    requested_at      timestamptz  not null,
    joined_at         timestamptz,
    ended_at          timestamptz
);
-- B22: one voice session per supervisor that is not ended, whatever the number of instances
create unique index one_voice_session_per_supervisor on monitoring_session (tenant_id, supervisor_id)
    where channel = 'VOICE' and state <> 'ENDED';
-- a supervisor monitors an interaction at most once at a time
create unique index one_session_per_supervisor_and_interaction on monitoring_session (tenant_id, supervisor_id, interaction_id)
    where state <> 'ENDED';
create index session_live_by_interaction on monitoring_session (interaction_id) where state <> 'ENDED';

-- B40: every action and every refusal, durable.
create table audit_record (
    id             bigserial    primary key,
    tenant_id      varchar(100) not null,
    at             timestamptz  not null,
    actor_id       varchar(255) not null,
    actor_name     varchar(200),
    action         varchar(32)  not null,
    outcome        varchar(16)  not null,
    interaction_id varchar(64),
    session_id     varchar(64),
    detail         varchar(500)
);
create index audit_by_time on audit_record (tenant_id, at desc, id desc);
create index audit_by_actor on audit_record (tenant_id, actor_id, at desc);
create index audit_by_interaction on audit_record (tenant_id, interaction_id, at desc);
