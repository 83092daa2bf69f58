-- Tables read only by their keys are analyzed from a small sample. An analysis samples 300 × the largest statistics
-- target of a table's columns, one row per page it reads, so at PostgreSQL's default (100) it reads every page of
-- a table below 30,000 pages: the quotes' and the Idempotency-Keys' wide rows made their analyses the largest part
-- of the order tables' autovacuum visits (0.5–0.8 s of CPU each in CheckoutBenchmark, docs/decisions/0028).
-- Their statistics serve no plan but look-ups by key, so a target of 10 (3,000 rows) describes them well enough.
-- A column added to these tables later must get the same target (KeyTablesSampledLightlyIntegrationTests checks).
do $$
declare
    c record;
begin
    for c in select a.attrelid::regclass as tab, a.attname
             from pg_attribute a
             where a.attrelid in ('ordering.quote'::regclass, 'ordering.idempotency_key'::regclass, 'ordering.payment_event'::regclass,
                                  'ordering.provider_call'::regclass, 'psp_sandbox.request'::regclass, 'psp_sandbox.payment'::regclass,
                                  'psp_sandbox.webhook'::regclass)
               and a.attnum > 0 and not a.attisdropped
    loop
        execute format('alter table %s alter column %I set statistics 10', c.tab, c.attname);
    end loop;
end $$;
