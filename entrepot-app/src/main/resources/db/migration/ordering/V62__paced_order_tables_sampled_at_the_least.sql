-- The order tables vacuumed at a measured pace (V59) are also analyzed at that pace: autovacuum gives a table's
-- analysis the table's own cost settings. An analysis holds one snapshot from start to end, and, unlike a vacuum's,
-- that snapshot holds back what every other session may prune in the whole database. Its sample's pages are mostly
-- made dirty (hint bits on rows just written), 21 units each, so at 10 units per 10 ms it reads ~50 pages a second:
-- 3,000 pages (statistics target 10) took 47-50 s in CheckoutBenchmark, and 30,000 pages (the default 100 of the
-- buyer and seller orders) would take ten minutes. Meanwhile no updated row's old versions could be pruned: the
-- stock rows, updated by every order, went from under 1,000 dead versions to 15,000 and a third of their updates
-- stopped being HOT; in another run PostgreSQL's CPU per order tripled mid-run and never recovered.
-- So every column of these tables has a statistics target of 1: an analysis samples 300 rows from 300 pages, a few
-- seconds at the measured pace. They are read by their keys and by indexed columns (seller, buyer, time), so a small
-- sample's estimates serve; their row counts come from every vacuum too. A column added later needs the same
-- (PacedTablesSampledAtTheLeastIntegrationTests checks). See docs/decisions/0037.
do $$
declare
    c record;
begin
    for c in select a.attrelid::regclass as tab, a.attname
             from pg_attribute a
             where a.attrelid in ('ordering.idempotency_key'::regclass, 'ordering.buyer_order'::regclass, 'ordering.seller_order'::regclass,
                                  'ordering.payment'::regclass, 'ordering.provider_call'::regclass, 'psp_sandbox.request'::regclass,
                                  'psp_sandbox.payment'::regclass, 'psp_sandbox.webhook'::regclass)
               and a.attnum > 0 and not a.attisdropped
    loop
        execute format('alter table %s alter column %I set statistics 1', c.tab, c.attname);
    end loop;
end $$;
