-- The holds waiting to expire are a small queue of their own, not a partial index on the reservations.
-- With the index `(expires_at) where state = 'held'` every reservation's move from held to consumed or
-- released changed a column of an index's condition, so PostgreSQL wrote the new version elsewhere with an
-- entry in every index of the table, and vacuum passed over all of them at each visit: its cost followed the
-- table's size (docs/decisions/0027). Now a hold is queued with its reservation, in the same statement, and
-- leaves the queue in the statement that settles it; settling changes no indexed column, and the fill
-- factor leaves room on the page for the settled version.
create table catalog.hold (
    reservation_id uuid        primary key,
    expires_at     timestamptz not null
);
create index hold_expiry_idx on catalog.hold (expires_at);

alter table catalog.hold enable row level security;
alter table catalog.hold force row level security;
create policy system_all on catalog.hold using (shared.actor_is_system()) with check (shared.actor_is_system());
grant select, insert, delete on catalog.hold to ${app_role};

insert into catalog.hold (reservation_id, expires_at) select id, expires_at from catalog.reservation where state = 'held';
drop index catalog.reservation_expiry_idx;
alter table catalog.reservation set (fillfactor = 75);
