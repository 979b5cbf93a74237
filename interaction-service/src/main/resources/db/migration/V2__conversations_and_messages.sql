-- Digital conversations from the channel platform: messages numbered per interaction, agents who
-- join, leave and may join again.

-- The sequence of the last message posted. A post locks the interaction row, takes last_sequence + 1
-- and writes it back in the same transaction as the message and its outbox event, so concurrent posts
-- to one conversation get consecutive sequences and the outbox holds them in that order.
alter table interaction add column last_sequence bigint not null default 0;
alter table interaction add constraint interaction_last_sequence check (last_sequence >= 0);

-- Participants in the order they joined (position 1, 2, ...). Someone who left may join again: a new
-- row; only one row per person and role may be present (left_at is null) at a time.
alter table participant add column position integer;
update participant p set position = numbered.n
from (select interaction_id, role, participant_id,
             row_number() over (partition by interaction_id order by joined_at, role, participant_id) as n
      from participant) numbered
where p.interaction_id = numbered.interaction_id and p.role = numbered.role
  and p.participant_id = numbered.participant_id;
alter table participant alter column position set not null;
alter table participant drop constraint participant_pkey;
alter table participant add primary key (interaction_id, position);
create unique index participant_present on participant (interaction_id, role, participant_id) where left_at is null;

-- The transcript as posted; the primary key is the last guard against a sequence allocated twice.
create table message (
    interaction_id uuid         not null references interaction (id) on delete cascade,
    sequence       bigint       not null,
    message_id     uuid         not null unique,
    author_role    varchar(20)  not null,
    author_id      varchar(255) not null,
    author_name    varchar(200) not null,
    text           text         not null,
    posted_at      timestamptz  not null,
    primary key (interaction_id, sequence),
    constraint message_sequence check (sequence >= 1),
    constraint message_text check (char_length(text) between 1 and 4000)
);
