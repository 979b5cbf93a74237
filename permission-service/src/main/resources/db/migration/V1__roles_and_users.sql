-- permission-service owns the schema "permission": roles and users per tenant.

create table role (
    id          uuid         primary key,
    tenant_id   varchar(100) not null,
    name        varchar(60)  not null,
    name_key    varchar(60)  not null,
    built_in    boolean      not null,
    permissions jsonb        not null,
    created_at  timestamptz  not null default now(),
    constraint role_name_unique unique (tenant_id, name_key)
);

create table app_user (
    tenant_id    varchar(100) not null,
    subject      varchar(255) not null,
    display_name varchar(200) not null,
    role_id      uuid         not null references role (id),
    -- ordered exactly as configured (B20)
    extensions   jsonb        not null default '[]',
    revision     bigint       not null default 1,
    created_at   timestamptz  not null default now(),
    updated_at   timestamptz  not null default now(),
    primary key (tenant_id, subject)
);

create index app_user_role on app_user (role_id);
create index app_user_listing on app_user (tenant_id, display_name, subject);
