-- Tables that grow with every order are analyzed when their modifications reach their size, not a tenth of it
-- (PostgreSQL's default). Their rows are written and completed a moment later (two to five modifications a row),
-- so at the default they were analyzed every 3–5% of growth: on a young platform taking orders at ~200/s, all of
-- them once a minute, one after the other in a single autovacuum visit that spent ~3.5 s of CPU within ~15 s and
-- invalidated every session's plans of those tables — the slowest seconds of CheckoutBenchmark's open loops.
-- Their statistics (keys, times, a few statuses) stay representative as they grow; vacuuming is unchanged.
-- See docs/decisions/0023.
alter table ordering.quote set (autovacuum_analyze_scale_factor = 1.0);
alter table ordering.idempotency_key set (autovacuum_analyze_scale_factor = 1.0);
alter table ordering.buyer_order set (autovacuum_analyze_scale_factor = 1.0);
alter table ordering.seller_order set (autovacuum_analyze_scale_factor = 1.0);
alter table ordering.order_line set (autovacuum_analyze_scale_factor = 1.0);
alter table ordering.payment set (autovacuum_analyze_scale_factor = 1.0);
alter table ordering.payment_event set (autovacuum_analyze_scale_factor = 1.0);
alter table ordering.provider_call set (autovacuum_analyze_scale_factor = 1.0);
alter table psp_sandbox.request set (autovacuum_analyze_scale_factor = 1.0);
alter table psp_sandbox.payment set (autovacuum_analyze_scale_factor = 1.0);
alter table psp_sandbox.webhook set (autovacuum_analyze_scale_factor = 1.0);
