-- A checkout moves its seller orders from awaiting payment to placed a moment after writing them. With the
-- release queue as `(release_due_at) where status = 'delivered'`, that move changed a column of an index's
-- condition, so PostgreSQL wrote each new version elsewhere with an entry in every index of the table, and
-- vacuum passed over all of them at each visit: its cost followed the table's size (docs/decisions/0027).
-- The queue is now keyed on what only delivery and release change (a seller order is due for release from its
-- delivery until it is released: no other way out of 'delivered' exists), and the fill factor leaves room on
-- the page for the updated version. The same room for the payment (its provider state follows the webhooks)
-- and the Idempotency-Key (its response is filled in when the placement ends).
drop index ordering.seller_order_release_idx;
create index seller_order_release_idx on ordering.seller_order (release_due_at) where release_due_at is not null and released_at is null;
alter table ordering.seller_order set (fillfactor = 75);
alter table ordering.payment set (fillfactor = 80);
alter table ordering.idempotency_key set (fillfactor = 70);
