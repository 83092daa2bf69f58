-- Rows written and then completed a moment later: a refund (pending, then refunded or failed with its
-- journal entry) and the sandbox provider's request (its response filled in). Packed full, each
-- completion wrote a new version on another page and an entry in every index; with room left on the
-- page it is updated in place (neither completion changes an indexed column).
alter table ordering.refund set (fillfactor = 50);
alter table psp_sandbox.request set (fillfactor = 40);
