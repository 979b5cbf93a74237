-- Issue 8: confirmed modes (B29), dial timeout (B27), first transcript read and audit origin (B41).

-- B29: the mode asked of the telephony provider and not yet confirmed, and its last refusal.
alter table monitoring_session
    add column pending_mode   varchar(16),
    add column pending_reason varchar(200),
    add column pending_at     timestamptz,
    add column refused_mode   varchar(16),
    add column refused_reason varchar(200),
    add column refused_at     timestamptz,
    -- B41: set when the supervisor first read the transcript in this session
    add column first_read_at  timestamptz;
-- B27: the sweeper finds sessions that dial too long
create index session_dialing on monitoring_session (requested_at) where state = 'DIALING';

-- B41: actor kind (USER / SYSTEM) and the supervisor concerned, the refusal's problem type, and origin.
alter table audit_record
    add column actor_kind     varchar(8)   not null default 'USER',
    add column subject_id     varchar(255),
    add column problem_type   varchar(64),
    add column client_address varchar(64),
    add column peer_address   varchar(64),
    add column user_agent     varchar(300),
    add column request_id     varchar(64);
update audit_record set subject_id = actor_id, problem_type = case when outcome = 'REFUSED' then left(detail, 64) end;
alter table audit_record alter column subject_id set not null;
create index audit_by_subject on audit_record (tenant_id, subject_id, at desc);
