-- Workers claim pending items through remediation_item_pending_idx (V32); progress, retries and reports
-- read a run's items through the primary key (run_id, seller_order_id). The (run_id, status, lease_until)
-- index served none of them any more, and every claim and completion of an item updated it.
drop index logistics.remediation_item_work_idx;
