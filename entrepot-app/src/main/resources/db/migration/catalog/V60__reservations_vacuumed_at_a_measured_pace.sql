-- Reservations are vacuumed after a floor as the order tables are (V55), and so at the same measured pace (V59,
-- docs/decisions/0031): a floored visit early in a checkpoint writes a full-page image for nearly every page.
alter table catalog.reservation set (autovacuum_vacuum_cost_delay = 10, autovacuum_vacuum_cost_limit = 10);
