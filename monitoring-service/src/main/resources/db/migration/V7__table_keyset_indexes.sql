-- B12 under load (issue 13): the table is read one group at a time (live rows, then previously monitored ones;
-- B13), so that every sort, in both directions, is a range scan of one index from its first row or from a
-- keyset cursor (the row after which a page starts), never a sort of the tenant's rows nor an OFFSET skip.
-- The group is the second column ((state = 'ACTIVE'), fixed by the query); a descending sort scans backwards.
-- Newest/oldest first: interaction_live_first (V6) serves both directions, its "oldest" twin is not needed.
drop index interaction_live_first_oldest;
create index interaction_table_agent_name on interaction
    (tenant_id, (state = 'ACTIVE'), coalesce(agent_name, ''), started_at, interaction_id)
    where silent_monitoring and (state = 'ACTIVE' or monitored);
create index interaction_table_customer on interaction
    (tenant_id, (state = 'ACTIVE'), coalesce(customer, ''), started_at, interaction_id)
    where silent_monitoring and (state = 'ACTIVE' or monitored);
create index interaction_table_channel on interaction
    (tenant_id, (state = 'ACTIVE'), channel, started_at, interaction_id)
    where silent_monitoring and (state = 'ACTIVE' or monitored);
-- the agent filter (an agent's id): that agent's rows of one group, newest or oldest first
create index interaction_table_agent on interaction
    (tenant_id, agent_id, (state = 'ACTIVE'), started_at, interaction_id)
    where silent_monitoring and (state = 'ACTIVE' or monitored);
drop index interaction_table_by_agent;
