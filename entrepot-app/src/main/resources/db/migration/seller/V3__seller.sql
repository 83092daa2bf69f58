create schema seller;
grant usage on schema seller to ${app_role};

-- A business selling on the platform: the tenant. Its id is the seller_id of every row it owns.
create table seller.seller (
    id           uuid        primary key,
    legal_name   text        not null check (length(legal_name) between 1 and 200),
    display_name text        not null check (length(display_name) between 1 and 120),
    country      char(2)     not null check (country ~ '^[A-Z]{2}$'),
    status       text        not null check (status in ('pending_review', 'active', 'suspended', 'closed')),
    created_at   timestamptz not null
);

alter table seller.seller enable row level security;
alter table seller.seller force row level security;
create policy system_all on seller.seller
    using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy own_row on seller.seller for select
    using (id = shared.actor_seller_id());
create policy staff_read on seller.seller for select
    using (shared.actor_is_staff());
create policy admin_write on seller.seller
    using (shared.actor_has_role('admin')) with check (shared.actor_has_role('admin'));
grant select, insert, update on seller.seller to ${app_role};
