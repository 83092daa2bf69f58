-- Reservations are read only by their keys (id, order_ref: an order's holds consumed or released, an expired
-- hold's row from its queue entry), so they are analyzed from a small sample like the ordering key tables
-- (docs/decisions/0030): every column gets a statistics target of 10, and an analysis samples 3,000 rows instead of
-- 30,000. At the default, an analysis of the reservations took up to 0.5 s of CPU in CheckoutBenchmark's runs.
do $$
declare
    c record;
begin
    for c in select a.attname from pg_attribute a
             where a.attrelid = 'catalog.reservation'::regclass and a.attnum > 0 and not a.attisdropped
    loop
        execute format('alter table catalog.reservation alter column %I set statistics 10', c.attname);
    end loop;
end $$;
