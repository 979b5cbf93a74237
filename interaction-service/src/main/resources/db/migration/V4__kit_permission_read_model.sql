-- Users' effective permissions are kept by service-kit's PermissionReadModel (one read model for every
-- service): its columns, and a removal keeps a tombstone row (removed = true) at its revision, so a late
-- older record cannot bring a removed user back. Rows removed before this version are simply absent.
alter table user_permission alter column role type text;
alter table user_permission add column display_name text;
alter table user_permission add column extensions jsonb not null default '[]';
alter table user_permission add column removed boolean not null default false;
