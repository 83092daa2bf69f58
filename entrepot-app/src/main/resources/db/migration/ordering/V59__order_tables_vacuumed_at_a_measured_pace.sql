-- The order tables vacuumed only after their floor of 100,000 changes (V54) are vacuumed at a measured pace: at most
-- 10 units of page work per 10 ms, about 1,000 pages a second when the pages are in memory, instead of the server's
-- pace (20 times that on the embedded server, 100 times on a PostgreSQL with default settings). A floored visit
-- prunes and freezes nearly every page of the table; when it comes early in a checkpoint each of those pages writes a
-- full-page image, and at the server's pace that was 73 MB of WAL in 1.4 s for the Idempotency-Keys alone, with
-- commits waiting up to 1.5 s behind it. At this pace the same visit writes the same WAL over ~30 s. See
-- docs/decisions/0031.
alter table ordering.idempotency_key set (autovacuum_vacuum_cost_delay = 10, autovacuum_vacuum_cost_limit = 10);
alter table ordering.buyer_order set (autovacuum_vacuum_cost_delay = 10, autovacuum_vacuum_cost_limit = 10);
alter table ordering.seller_order set (autovacuum_vacuum_cost_delay = 10, autovacuum_vacuum_cost_limit = 10);
alter table ordering.payment set (autovacuum_vacuum_cost_delay = 10, autovacuum_vacuum_cost_limit = 10);
alter table ordering.provider_call set (autovacuum_vacuum_cost_delay = 10, autovacuum_vacuum_cost_limit = 10);
alter table psp_sandbox.request set (autovacuum_vacuum_cost_delay = 10, autovacuum_vacuum_cost_limit = 10);
alter table psp_sandbox.payment set (autovacuum_vacuum_cost_delay = 10, autovacuum_vacuum_cost_limit = 10);
alter table psp_sandbox.webhook set (autovacuum_vacuum_cost_delay = 10, autovacuum_vacuum_cost_limit = 10);
