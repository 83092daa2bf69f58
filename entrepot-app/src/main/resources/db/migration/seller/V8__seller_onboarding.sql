-- Onboarding data, warehouses, restrictions other modules obey, and the history of every change.
alter table seller.seller
    add column registration_number text check (length(registration_number) <= 100),
    add column origin_zone         text check (length(origin_zone) <= 100),
    add column payout_currency     char(3) check (payout_currency ~ '^[A-Z]{3}$'),
    add column updated_at          timestamptz;

create table seller.warehouse (
    id         uuid        primary key,
    seller_id  uuid        not null references seller.seller (id),
    name       text        not null check (length(name) between 1 and 100),
    kind       text        not null check (kind in ('origin', 'overseas')),
    country    char(2)     not null check (country ~ '^[A-Z]{2}$'),
    created_at timestamptz not null
);
create index warehouse_seller_idx on seller.warehouse (seller_id);

create table seller.restriction (
    seller_id   uuid        not null references seller.seller (id),
    restriction text        not null check (restriction in ('cannot_publish', 'cannot_join_campaigns', 'cannot_receive_payouts')),
    reason      text        not null check (length(reason) between 1 and 500),
    imposed_by  text        not null,
    imposed_at  timestamptz not null,
    primary key (seller_id, restriction)
);

create table seller.seller_event (
    id         uuid        primary key,
    seller_id  uuid        not null references seller.seller (id),
    change     text        not null,
    detail     text        not null,
    reason     text        not null,
    actor      text        not null,
    created_at timestamptz not null
);
create index seller_event_seller_idx on seller.seller_event (seller_id, created_at);

do $$
declare
    t text;
begin
    foreach t in array array['warehouse', 'restriction', 'seller_event'] loop
        execute format('alter table seller.%I enable row level security', t);
        execute format('alter table seller.%I force row level security', t);
        execute format('create policy system_all on seller.%I using (shared.actor_is_system()) with check (shared.actor_is_system())', t);
        execute format('create policy own_rows on seller.%I for select using (seller_id = shared.actor_seller_id())', t);
        execute format('create policy staff_read on seller.%I for select using (shared.actor_is_staff())', t);
        execute format('create policy admin_write on seller.%I using (shared.actor_has_role(''admin'') or shared.actor_has_role(''trust_safety'')) with check (shared.actor_has_role(''admin'') or shared.actor_has_role(''trust_safety''))', t);
    end loop;
end $$;
-- Sellers manage their own warehouses.
create policy own_warehouses_write on seller.warehouse for insert with check (seller_id = shared.actor_seller_id());
create policy own_events_write on seller.seller_event for insert with check (seller_id = shared.actor_seller_id());
grant select, insert, update on seller.warehouse, seller.seller_event to ${app_role};
grant select, insert, update, delete on seller.restriction to ${app_role};

-- Trust & safety may change a seller's status as well as admins.
create policy trust_safety_write on seller.seller for update
    using (shared.actor_has_role('trust_safety')) with check (shared.actor_has_role('trust_safety'));
