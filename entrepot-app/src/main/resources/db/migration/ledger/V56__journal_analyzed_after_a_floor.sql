-- Journal entries and postings grow with every order and are only ever inserted into (the ledger is append-only):
-- analyzed no sooner than after 100,000 changes, as the order tables, while their vacuums keep PostgreSQL's
-- thresholds, since a floor would only gather the same scan of new pages into one (V54, docs/decisions/0029).
alter table ledger.journal_entry set (autovacuum_analyze_threshold = 100000);
alter table ledger.posting set (autovacuum_analyze_threshold = 100000);
