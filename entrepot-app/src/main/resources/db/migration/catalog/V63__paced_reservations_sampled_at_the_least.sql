-- The reservations are vacuumed, and so analyzed, at a measured pace (V60). An analysis holds a snapshot that keeps
-- every session in the database from pruning old row versions for as long as it runs, and at that pace the 3,000
-- pages of a statistics target of 10 took ~50 s in CheckoutBenchmark (ordering's V62 says more). Every column gets
-- a statistics target of 1: 300 pages, a few seconds. Reservations are read by their order and their keys.
-- See docs/decisions/0037.
do $$
declare
    c record;
begin
    for c in select a.attname from pg_attribute a
             where a.attrelid = 'catalog.reservation'::regclass and a.attnum > 0 and not a.attisdropped
    loop
        execute format('alter table catalog.reservation alter column %I set statistics 1', c.attname);
    end loop;
end $$;
