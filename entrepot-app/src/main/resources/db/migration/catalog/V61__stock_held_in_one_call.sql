-- An order's stock is held in one call instead of one statement per line and one for the holds
-- (docs/decisions/0033). For each request in the order given (the caller sorts them by SKU, so two
-- checkouts take their rows in the same order and cannot deadlock) the units are taken from the warehouse
-- with the most available stock that can serve the whole quantity, as Inventory.hold did: a row taken
-- meanwhile by another checkout fails the update's own condition and the next best one is tried, three
-- times at most. Then every reservation is written and queued to expire in one statement.
--
-- Returns 0 when every request was held, else the (1-based) position of the first one that could not be:
-- then the units this call took are given back and nothing is written, so the caller's transaction may go
-- on (a placement rolls back; the hold taken again after a lapse releases the order cleanly).
--
-- Runs with the caller's rights: the tables' row-level security applies to its statements as to the
-- caller's own.
create function catalog.hold_stock(ids uuid[], order_refs uuid[], skus uuid[], quantities integer[], held_until timestamptz,
                                   held_at timestamptz)
returns integer language plpgsql as $$
declare
    warehouses uuid[] := '{}';
    sellers    uuid[] := '{}';
    warehouse  uuid;
    seller     uuid;
begin
    for i in 1 .. coalesce(cardinality(skus), 0) loop
        warehouse := null;
        for attempt in 1 .. 3 loop
            update catalog.stock s set available = s.available - quantities[i]
            where (s.sku_id, s.warehouse_id) = (select c.sku_id, c.warehouse_id from catalog.stock c
                                                where c.sku_id = skus[i] and c.available >= quantities[i]
                                                order by c.available desc, c.warehouse_id limit 1)
              and s.available >= quantities[i]
            returning s.warehouse_id, s.seller_id into warehouse, seller;
            exit when warehouse is not null;
        end loop;
        if warehouse is null then
            for j in 1 .. i - 1 loop
                update catalog.stock s set available = s.available + quantities[j] where s.sku_id = skus[j] and s.warehouse_id = warehouses[j];
            end loop;
            return i;
        end if;
        warehouses := warehouses || warehouse;
        sellers := sellers || seller;
    end loop;
    with held as (insert into catalog.reservation (id, order_ref, sku_id, warehouse_id, seller_id, quantity, expires_at, created_at)
                  select u.id, u.order_ref, u.sku_id, u.warehouse_id, u.seller_id, u.quantity, held_until, held_at
                  from unnest(ids, order_refs, skus, warehouses, sellers, quantities) as u (id, order_ref, sku_id, warehouse_id, seller_id, quantity)
                  returning id, expires_at)
    insert into catalog.hold (reservation_id, expires_at) select id, expires_at from held;
    return 0;
end $$;
