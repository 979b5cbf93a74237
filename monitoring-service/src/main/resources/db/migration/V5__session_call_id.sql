-- Issue 9: a voice session knows the call its monitor leg joins, so that commands to the leg
-- (dial, set mode, hang up) need not read the interaction again. Null for digital sessions.
alter table monitoring_session add column call_id varchar(64);
update monitoring_session s set call_id = i.call_id
    from interaction i
    where i.interaction_id = s.interaction_id and s.channel = 'VOICE';
