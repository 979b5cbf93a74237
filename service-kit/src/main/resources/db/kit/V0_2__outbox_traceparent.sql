-- Tracing through the outbox (docs/operations.md): the W3C traceparent of the transaction that wrote the event,
-- sent by the relay as the record's traceparent header so the consumer's work joins the same trace.
-- Null when no trace was active (tracing off, or a write outside any request or consumed event).
alter table outbox_event add column traceparent varchar(128);
