-- Journal entries and postings grow with every order: vacuumed and analyzed no sooner than after 100,000 changes,
-- as the order tables (V54, docs/decisions/0029).
alter table ledger.journal_entry set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
alter table ledger.posting set (autovacuum_vacuum_threshold = 100000, autovacuum_vacuum_insert_threshold = 100000, autovacuum_analyze_threshold = 100000);
