-- B13: live work first. The monitoring table orders every ACTIVE row before every previously monitored one,
-- then by the chosen sort; these partial indexes serve its default order (newest first) and oldest first
-- without sorting the tenant's rows. They replace interaction_table (V1), which only served "newest first".
create index interaction_live_first on interaction
    (tenant_id, (state = 'ACTIVE') desc, started_at desc, interaction_id desc)
    where silent_monitoring and (state = 'ACTIVE' or monitored);
create index interaction_live_first_oldest on interaction
    (tenant_id, (state = 'ACTIVE') desc, started_at, interaction_id)
    where silent_monitoring and (state = 'ACTIVE' or monitored);
-- the live / previously monitored counts (and the total): an index-only scan, by channel too
create index interaction_live_counts on interaction (tenant_id, state, channel)
    where silent_monitoring and (state = 'ACTIVE' or monitored);
drop index interaction_table;
