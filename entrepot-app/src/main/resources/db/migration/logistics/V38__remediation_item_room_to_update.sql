-- A remediation item is written once and updated twice: the claim sets its lease, the completion its
-- outcome. Packed full (the default fill factor of 100), the claim had no room on the item's page and
-- wrote a new version elsewhere plus an entry in every index. With pages filled to 40% the claim (which
-- changes no indexed column) updates the item in place, on its own page, without touching the indexes.
-- The (seller_id, run_id) index is dropped: no query reads items by seller (reports read a run's items
-- through the primary key and group them by seller), and every insert and moving update wrote to it.
alter table logistics.remediation_item set (fillfactor = 40);
drop index logistics.remediation_item_seller_idx;
