-- Retention (kit Retention + ConsumedEventRetention): consumed_event rows older than kit.retention.consumed-events
-- are deleted in bounded batches; this index finds them without reading the whole table.
create index consumed_event_by_time on consumed_event (consumed_at);
