-- Payments are read only by their keys (id, order_id, provider_ref: a look-up, a webhook's update, a join from an
-- order), so they are analyzed from a small sample like the other key tables of V53 (docs/decisions/0030): every
-- column gets a statistics target of 10, and an analysis samples 3,000 rows instead of 30,000. At the default, each
-- analysis of the payments read every page and took 0.3-0.4 s of CPU in CheckoutBenchmark's runs.
do $$
declare
    c record;
begin
    for c in select a.attname from pg_attribute a
             where a.attrelid = 'ordering.payment'::regclass and a.attnum > 0 and not a.attisdropped
    loop
        execute format('alter table ordering.payment alter column %I set statistics 10', c.attname);
    end loop;
end $$;
