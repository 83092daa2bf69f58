-- Reservations grow with every order: vacuumed and analyzed no sooner than after 100,000 changes, as the order
-- tables (V54, docs/decisions/0029).
alter table catalog.reservation set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
