create schema search;
grant usage on schema search to ${app_role};

-- One row per live offer and storefront language: what buyers of a market can find. Public data.
create table search.listing (
    offer_id        uuid        not null,
    language        text        not null check (language ~ '^[a-z]{2,3}$'),
    product_id      uuid        not null,
    seller_id       uuid        not null,
    seller_name     text        not null,
    market_code     char(2)     not null,
    category        text        not null,
    title           text        not null,
    description     text        not null,
    min_price_minor bigint      not null check (min_price_minor >= 0),
    currency        char(3)     not null,
    tsv             tsvector    not null,
    updated_at      timestamptz not null,
    primary key (offer_id, language)
);
create index listing_tsv_idx on search.listing using gin (tsv);
create index listing_market_idx on search.listing (market_code, language, offer_id);

-- The ranking hook: a factor per seller (below 1 a penalty, above 1 a boost) set by other modules.
create table search.seller_ranking (
    seller_id  uuid          primary key,
    factor     numeric(6, 3) not null check (factor > 0 and factor <= 10),
    reason     text          not null,
    updated_at timestamptz   not null
);

alter table search.listing enable row level security;
alter table search.listing force row level security;
create policy public_read on search.listing for select using (true);
create policy system_write on search.listing using (shared.actor_is_system()) with check (shared.actor_is_system());

alter table search.seller_ranking enable row level security;
alter table search.seller_ranking force row level security;
create policy public_read on search.seller_ranking for select using (true);
create policy system_write on search.seller_ranking using (shared.actor_is_system()) with check (shared.actor_is_system());

grant select, insert, update, delete on search.listing, search.seller_ranking to ${app_role};
