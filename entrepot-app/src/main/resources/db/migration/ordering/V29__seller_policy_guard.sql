-- PostgreSQL ORs a table's permissive policies and stops at the first that holds, but only after those
-- before it (in name order) have run: "sellers_orders" ran its sub-query for every buyer order that the
-- system (checkout, payments) or staff read. A cheap test of the actor's kind now comes first.
drop policy sellers_orders on ordering.buyer_order;
create policy sellers_orders on ordering.buyer_order for select
    using (shared.actor_kind() = 'seller'
           and exists (select 1 from ordering.seller_order s where s.order_id = buyer_order.id and s.seller_id = shared.actor_seller_id()));
