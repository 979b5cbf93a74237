-- The last revision published about each subject, kept after the user is removed: revisions increase across
-- removal and re-creation, so a re-created user supersedes the tombstone that the other services keep at the
-- removal's revision (B28, B06).
create table user_revision (
    tenant_id varchar(100) not null,
    subject   varchar(255) not null,
    revision  bigint       not null,
    primary key (tenant_id, subject)
);
insert into user_revision (tenant_id, subject, revision) select tenant_id, subject, revision from app_user;
