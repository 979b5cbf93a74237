-- telephony-gateway owns the schema "telephony": the calls it knows and the monitor legs it
-- dialed into them. The provider's own network state (the simulator's conferences, or Twilio's)
-- lives at the provider; this is the gateway's durable mapping, so a restart loses nothing.

create table phone_call (
    call_id         varchar(64)  primary key,
    tenant_id       varchar(100) not null,
    -- the provider's name for the call's conference (the call id itself for the simulator,
    -- the ConferenceSid for Twilio)
    provider_ref    varchar(128) not null unique,
    -- the provider's name for the agent's leg (CallSidToCoach for Twilio), if known
    agent_leg_ref   varchar(128),
    flow_id         varchar(100) not null,
    agent_id        varchar(255) not null,
    agent_name      varchar(200) not null,
    customer_number varchar(64)  not null,
    state           varchar(16)  not null,
    started_at      timestamptz  not null,
    ended_at        timestamptz,
    ended_by        varchar(16)
);

create index phone_call_listing on phone_call (tenant_id, state, started_at desc, call_id);

create table monitor_leg (
    leg_id            uuid         primary key,
    tenant_id         varchar(100) not null,
    -- not a foreign key: a dial for an unknown (or another tenant's) call is kept as FAILED
    call_id           varchar(64)  not null,
    session_id        varchar(100) not null,
    extension_kind    varchar(16),
    extension_address varchar(255) not null,
    provider_ref      varchar(128),
    state             varchar(16)  not null,
    mode              varchar(16),
    reason            varchar(40),
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    -- one leg per monitoring session, however often the dial command arrives
    constraint monitor_leg_session unique (tenant_id, session_id)
);

create index monitor_leg_call on monitor_leg (tenant_id, call_id);
