-- The Twilio adapter (issue 10): calls that enter through the Voice webhook, and the order of Twilio's
-- callbacks, so that every callback is applied once and an older one never undoes a newer one.

-- One row per call the Voice webhook put into its own conference (named after the caller's CallSid), until
-- the agent joins and it becomes a phone_call (call_id, keyed there by the ConferenceSid).
create table twilio_conference (
    friendly_name   varchar(128) primary key,
    tenant_id       varchar(100) not null,
    account_sid     varchar(64)  not null,
    caller_call_sid varchar(64)  not null,
    customer_number varchar(64)  not null,
    flow_id         varchar(100) not null,
    conference_sid  varchar(64)  unique,
    call_id         varchar(64),
    created_at      timestamptz  not null default now()
);

-- The newest SequenceNumber applied per scope: a conference (conference-start/-end), a participant of a
-- conference, or a monitor leg's own status callbacks. A callback at or below it is a duplicate or late.
create table twilio_callback_order (
    scope           varchar(200) primary key,
    sequence_number bigint       not null,
    updated_at      timestamptz  not null default now()
);
