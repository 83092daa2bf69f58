-- Stock held for an order until it is paid (consumed) or given back (released), exactly once: the
-- state moves only from 'held', by a conditional update. Stock itself never goes below zero (check).
create table catalog.reservation (
    id           uuid        primary key,
    order_ref    uuid        not null,
    sku_id       uuid        not null references catalog.sku (id),
    warehouse_id uuid        not null,
    seller_id    uuid        not null,
    quantity     integer     not null check (quantity > 0),
    state        text        not null default 'held' check (state in ('held', 'consumed', 'released')),
    expires_at   timestamptz not null,
    created_at   timestamptz not null,
    settled_at   timestamptz
);
create index reservation_order_idx on catalog.reservation (order_ref);
create index reservation_expiry_idx on catalog.reservation (expires_at) where state = 'held';

alter table catalog.reservation enable row level security;
alter table catalog.reservation force row level security;
create policy system_all on catalog.reservation using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy own_rows on catalog.reservation for select using (seller_id = shared.actor_seller_id());
create policy staff_read on catalog.reservation for select using (shared.actor_is_staff());
grant select, insert, update on catalog.reservation to ${app_role};
