-- B34: reviews of ended, monitored transcripts that monitoring-service granted (monitoring-events,
-- transcript-review-granted): the reviewer may read the ended transcript until expires_at.
create table transcript_review (
    review_id      varchar(64)  primary key,
    tenant_id      varchar(100) not null,
    interaction_id varchar(64)  not null,
    user_id        varchar(255) not null,
    expires_at     timestamptz  not null,
    granted_at     timestamptz  not null default now()
);
create index transcript_review_reader on transcript_review (tenant_id, interaction_id, user_id, expires_at);
