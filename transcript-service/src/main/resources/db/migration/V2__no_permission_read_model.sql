-- People read transcripts only inside a monitoring session (B34): the administrators' path, and with it the
-- copy of users' permissions from permission-events, is gone.
drop table user_permission;
