-- B11: how far each user has read each digital interaction (transcript-events).
create table read_position (
    tenant_id      varchar(100) not null,
    user_id        varchar(255) not null,
    interaction_id varchar(64)  not null,
    position       bigint       not null,
    read_at        timestamptz  not null,
    primary key (tenant_id, user_id, interaction_id)
);
