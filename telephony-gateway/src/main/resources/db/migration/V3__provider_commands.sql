-- Durable provider commands (B29): every consumed telephony command that needs the provider (dial a
-- monitor leg, change its mode, hang it up) is a row here, written in the transaction that records the
-- command as consumed. A worker performs the rows against the provider, in order per call, and records the
-- outcome; a crash at any point leaves the row PENDING and another worker performs it (the provider is
-- idempotent per leg), so an accepted command is carried out exactly once from the provider's point of view.

create table provider_command (
    -- the order of the commands (per call, the worker takes only the oldest pending one)
    id              bigint       generated always as identity primary key,
    tenant_id       varchar(100) not null,
    leg_id          uuid         not null,
    call_id         varchar(64)  not null,
    -- DIAL, SET_MODE, HANG_UP
    kind            varchar(16)  not null,
    -- SET_MODE: the mode asked for; DIAL and HANG_UP take what they need from the leg and its call
    payload         varchar(64),
    -- PENDING, DONE, FAILED
    state           varchar(16)  not null,
    -- how often the provider was asked
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null,
    -- the provider's last failure reason (a short word, never a credential)
    last_error      varchar(64),
    -- the W3C traceparent of whoever asked (the consumed command's span): the worker goes on in that trace
    traceparent     varchar(128),
    created_at      timestamptz  not null,
    updated_at      timestamptz  not null
);

-- the worker's question: the pending rows that are due, oldest first, and per call the oldest pending one
create index provider_command_pending on provider_command (next_attempt_at, id) where state = 'PENDING';
create index provider_command_call_pending on provider_command (call_id, id) where state = 'PENDING';
create index provider_command_leg on provider_command (leg_id, id);
