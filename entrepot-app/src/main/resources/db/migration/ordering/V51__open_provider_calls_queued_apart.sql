-- The provider calls started and not yet answered (what the recovery job repeats after a crash) are a small
-- queue of their own, not a partial index on the calls. With `(created_at) where state = 'started'` every
-- call's answer changed a column of an index's condition, so the answered call was written elsewhere with an
-- entry in the key's index, and vacuum passed over that index at each visit (docs/decisions/0027). Now a call
-- is queued in the statement that records it and leaves the queue in the statement that records its answer;
-- the answer changes no indexed column, and the fill factor leaves room on the page for it.
create table ordering.open_call (
    key        text        primary key,
    started_at timestamptz not null
);
create index open_call_started_idx on ordering.open_call (started_at);
grant select, insert, delete on ordering.open_call to ${app_role};

insert into ordering.open_call (key, started_at) select key, created_at from ordering.provider_call where state = 'started';
drop index ordering.provider_call_started_idx;
alter table ordering.provider_call set (fillfactor = 75);
