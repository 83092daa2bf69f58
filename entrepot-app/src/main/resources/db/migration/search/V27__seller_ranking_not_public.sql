-- A seller's ranking factor and its reason (for example an enforcement step against fake reviews) are
-- the seller's business, not the public's: the seller reads its own row, staff read all, the system
-- writes. (Listings stay readable by everyone: they are the storefront's public content.)
drop policy public_read on search.seller_ranking;
create policy own_rows on search.seller_ranking for select using (seller_id = shared.actor_seller_id());
create policy staff_read on search.seller_ranking for select using (shared.actor_is_staff());
