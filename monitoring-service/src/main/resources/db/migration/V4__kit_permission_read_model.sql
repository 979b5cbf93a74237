-- Users' effective permissions and extensions are kept by service-kit's PermissionReadModel (one read model
-- for every service): the same rows (tombstones included) under the kit's table name and columns.
alter table user_access rename to user_permission;
alter table user_permission alter column display_name type text;
alter table user_permission alter column role type text;
alter table user_permission add column updated_at timestamptz not null default now();
