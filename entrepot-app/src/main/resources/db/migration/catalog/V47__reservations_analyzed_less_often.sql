-- Stock reservations grow with every order (held, then consumed or released): analyzed when their
-- modifications reach the table's size, like the order tables (V46, docs/decisions/0023).
alter table catalog.reservation set (autovacuum_analyze_scale_factor = 1.0);
