-- Read model of monitoring-events (B35): who monitors which interaction now. One row per monitoring session;
-- monitor-requested / monitor-joined make it live, monitor-ended ends it for good. Writing into a
-- conversation is refused to an identity with a live session on it.
create table monitor_session (
    session_id     varchar(200) primary key,
    tenant_id      varchar(100) not null,
    interaction_id uuid         not null,
    supervisor_id  varchar(255) not null,
    ended          boolean      not null,
    updated_at     timestamptz  not null default now()
);

create index monitor_session_live on monitor_session (tenant_id, interaction_id, supervisor_id) where not ended;
