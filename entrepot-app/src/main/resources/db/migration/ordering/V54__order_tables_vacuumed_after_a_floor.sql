-- Tables that grow with every order are analyzed no sooner than after 100,000 changes (and, as before, when their
-- changes reach their size: decision 0023); those whose rows are updated after their insert are also vacuumed no
-- sooner than after 100,000 changes (and, as before, a fifth of their rows), not after 50 or 1,000. On a young
-- platform taking ~150 orders/s those tables pass PostgreSQL's thresholds every minute, all of them, so autovacuum
-- visited them together once a minute, scanning most of each updated table's heap every time (a page takes
-- inserts again after each of its first two or three vacuums). With the floor, CheckoutBenchmark's autovacuum
-- spent 7.4–8.4 s of CPU per run instead of 12.9–14.5 s. A table of more than 500,000 rows is not affected (a
-- fifth of it is already more). See docs/decisions/0029.
alter table ordering.idempotency_key set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
alter table ordering.buyer_order set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
alter table ordering.seller_order set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
alter table ordering.payment set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
alter table ordering.provider_call set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
alter table psp_sandbox.request set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
alter table psp_sandbox.payment set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
alter table psp_sandbox.webhook set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
-- Tables only ever inserted into: a vacuum scans each page once whenever it comes (the pages it leaves all-visible
-- are never written again), so a floor would not save that work, only gather it into one long scan (the first
-- vacuum of the quotes after 100,000 inserts scanned 17,000 pages in ~3 s with both cores full). Only their
-- analyses, a sample each time, are made rarer.
alter table ordering.quote set (autovacuum_analyze_threshold = 100000);
alter table ordering.order_line set (autovacuum_analyze_threshold = 100000);
alter table ordering.payment_event set (autovacuum_analyze_threshold = 100000);
