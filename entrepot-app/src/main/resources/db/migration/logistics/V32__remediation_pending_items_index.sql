-- Workers claim a run's pending items in key order. Without an index of the pending items alone the
-- claim walked past every item already done (a run of 100,000 items got slower as it went on).
create index remediation_item_pending_idx on logistics.remediation_item (run_id, seller_order_id) where status = 'pending';
