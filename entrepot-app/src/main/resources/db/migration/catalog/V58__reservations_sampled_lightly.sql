-- Reservations are read only by their keys (id, order_ref: an order's holds consumed or released, an expired
-- hold's row from its queue entry), so they are analyzed from a small sample like the ordering key tables
-- (docs/decisions/0030): every column gets a statistics target of 10, and an analysis samples 3,000 rows instead of
-- 30,000. At the default, an analysis of the reservations took up to 0.5 s of CPU in CheckoutBenchmark's runs. A
-- column added later needs the same (KeyTablesSampledLightlyIntegrationTests checks).
alter table catalog.reservation
    alter column id set statistics 10,
    alter column order_ref set statistics 10,
    alter column sku_id set statistics 10,
    alter column warehouse_id set statistics 10,
    alter column seller_id set statistics 10,
    alter column quantity set statistics 10,
    alter column state set statistics 10,
    alter column expires_at set statistics 10,
    alter column created_at set statistics 10,
    alter column settled_at set statistics 10;
