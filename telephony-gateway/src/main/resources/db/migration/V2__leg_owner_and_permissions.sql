-- Who owns each monitor leg (the supervisor of its session, from dial-monitor-leg): only they and
-- audit readers may see the leg through the gateway's API (B07). Legs dialed before this column
-- existed have no owner and are shown to audit readers only.
alter table monitor_leg add column supervisor_id varchar(255);

create index monitor_leg_owner on monitor_leg (tenant_id, supervisor_id, call_id);

-- Read model of permission-events (service-kit's PermissionReadModel): users' effective permissions,
-- newest revision only; a removed user keeps a tombstone row (removed = true) at its revision.
create table user_permission (
    tenant_id    varchar(100) not null,
    user_id      varchar(255) not null,
    display_name text,
    role         text,
    permissions  jsonb        not null,
    extensions   jsonb        not null,
    revision     bigint       not null,
    removed      boolean      not null default false,
    updated_at   timestamptz  not null default now(),
    primary key (tenant_id, user_id)
);
