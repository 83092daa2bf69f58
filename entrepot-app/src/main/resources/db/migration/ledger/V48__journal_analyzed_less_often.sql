-- Journal entries and postings grow with every order and never change: analyzed when the rows added since
-- the last analysis reach the table's size, like the order tables (V46, docs/decisions/0023).
alter table ledger.journal_entry set (autovacuum_analyze_scale_factor = 1.0);
alter table ledger.posting set (autovacuum_analyze_scale_factor = 1.0);
