-- Payments are read only by their keys (id, order_id, provider_ref: a look-up, a webhook's update, a join from an
-- order), so they are analyzed from a small sample like the other key tables of V53 (docs/decisions/0030): every
-- column gets a statistics target of 10, and an analysis samples 3,000 rows instead of 30,000. At the default, each
-- analysis of the payments read every page and took 0.3-0.4 s of CPU in CheckoutBenchmark's runs. A column added
-- later needs the same (KeyTablesSampledLightlyIntegrationTests checks).
alter table ordering.payment
    alter column id set statistics 10,
    alter column order_id set statistics 10,
    alter column provider set statistics 10,
    alter column provider_ref set statistics 10,
    alter column token set statistics 10,
    alter column amount_minor set statistics 10,
    alter column currency set statistics 10,
    alter column status set statistics 10,
    alter column provider_state set statistics 10,
    alter column provider_state_at set statistics 10,
    alter column decline_reason set statistics 10,
    alter column created_at set statistics 10,
    alter column updated_at set statistics 10;
