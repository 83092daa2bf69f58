create schema catalog;
grant usage on schema catalog to ${app_role};

-- The category tree; each category names its HS chapter, and its slug is what trade rules prohibit.
create table catalog.category (
    slug       text    primary key check (slug ~ '^[a-z0-9-]{1,60}$'),
    parent     text    references catalog.category (slug),
    name_en    text    not null,
    name_zh    text    not null,
    hs_chapter char(2) not null check (hs_chapter ~ '^[0-9]{2}$')
);
grant select on catalog.category to ${app_role};

insert into catalog.category (slug, parent, name_en, name_zh, hs_chapter) values
    ('fashion', null, 'Fashion', '服饰', '62'),
    ('womens-clothing', 'fashion', 'Women''s clothing', '女装', '62'),
    ('silk-scarves', 'fashion', 'Silk scarves', '丝巾', '62'),
    ('knitwear', 'fashion', 'Knitwear', '针织服装', '61'),
    ('bags', 'fashion', 'Bags', '箱包', '42'),
    ('home', null, 'Home', '家居', '94'),
    ('lighting', 'home', 'Lighting', '灯具', '94'),
    ('kitchen', 'home', 'Kitchen', '厨具', '73'),
    ('tea', 'home', 'Tea', '茶叶', '09'),
    ('electronics', null, 'Electronics', '电子产品', '85'),
    ('phone-accessories', 'electronics', 'Phone accessories', '手机配件', '85'),
    ('e-cigarettes', 'electronics', 'E-cigarettes', '电子烟', '85'),
    ('beauty', null, 'Beauty', '美妆', '33'),
    ('toys', null, 'Toys', '玩具', '95'),
    ('tools', null, 'Tools', '工具', '82'),
    ('alcohol', null, 'Alcoholic drinks', '酒类', '22'),
    ('chewing-gum', null, 'Chewing gum', '口香糖', '17');

-- A seller's global product, with localized content, SKUs and stock per warehouse.
create table catalog.product (
    id              uuid        primary key,
    seller_id       uuid        not null,
    category        text        not null references catalog.category (slug),
    brand_name      text        check (length(brand_name) <= 100),
    attributes      jsonb       not null default '{}',
    fallback_locale text        not null,
    allow_fallback  boolean     not null default true,
    created_at      timestamptz not null,
    updated_at      timestamptz not null
);
create index product_seller_idx on catalog.product (seller_id, created_at);

create table catalog.product_content (
    product_id  uuid not null references catalog.product (id),
    seller_id   uuid not null,
    locale      text not null check (locale ~ '^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$'),
    title       text not null check (length(title) between 1 and 200),
    description text not null check (length(description) <= 5000),
    primary key (product_id, locale)
);

create table catalog.sku (
    id               uuid    primary key,
    product_id       uuid    not null references catalog.product (id),
    seller_id        uuid    not null,
    code             text    not null check (code ~ '^[A-Za-z0-9._-]{1,64}$'),
    base_price_minor bigint  not null check (base_price_minor >= 0),
    base_currency    char(3) not null check (base_currency ~ '^[A-Z]{3}$'),
    weight_grams     integer not null check (weight_grams between 1 and 100000),
    length_mm        integer not null check (length_mm between 1 and 3000),
    width_mm         integer not null check (width_mm between 1 and 3000),
    height_mm        integer not null check (height_mm between 1 and 3000),
    attributes       jsonb   not null default '{}',
    unique (seller_id, code)
);
create index sku_product_idx on catalog.sku (product_id);

create table catalog.stock (
    sku_id       uuid    not null references catalog.sku (id),
    warehouse_id uuid    not null,
    seller_id    uuid    not null,
    available    integer not null check (available >= 0),
    primary key (sku_id, warehouse_id)
);

-- A product offered in one market: LIVE, or BLOCKED with machine-readable reasons.
create table catalog.offer (
    id           uuid          primary key,
    product_id   uuid          not null references catalog.product (id),
    seller_id    uuid          not null,
    market_code  char(2)       not null,
    status       text          not null check (status in ('live', 'blocked')),
    reasons      text[]        not null default '{}',
    markup_pct   numeric(7, 3) not null default 0,
    published_at timestamptz   not null,
    updated_at   timestamptz   not null,
    unique (product_id, market_code)
);
create index offer_seller_market_idx on catalog.offer (seller_id, market_code);

create table catalog.offer_price (
    offer_id       uuid            not null references catalog.offer (id),
    sku_id         uuid            not null references catalog.sku (id),
    seller_id      uuid            not null,
    price_minor    bigint          not null check (price_minor >= 0),
    currency       char(3)         not null,
    explicit_price boolean         not null,
    fx_rate        numeric(30, 15),
    fx_as_of       timestamptz,
    updated_at     timestamptz     not null,
    primary key (offer_id, sku_id)
);

create table catalog.offer_price_history (
    offer_id    uuid            not null,
    sku_id      uuid            not null,
    seller_id   uuid            not null,
    price_minor bigint          not null,
    currency    char(3)         not null,
    fx_rate     numeric(30, 15),
    cause       text            not null,
    recorded_at timestamptz     not null
);
create index offer_price_history_idx on catalog.offer_price_history (offer_id, sku_id, recorded_at);

do $$
declare
    t text;
begin
    foreach t in array array['product', 'product_content', 'sku', 'stock', 'offer', 'offer_price', 'offer_price_history'] loop
        execute format('alter table catalog.%I enable row level security', t);
        execute format('alter table catalog.%I force row level security', t);
        execute format('create policy system_all on catalog.%I using (shared.actor_is_system()) with check (shared.actor_is_system())', t);
        execute format('create policy own_rows on catalog.%I using (seller_id = shared.actor_seller_id()) with check (seller_id = shared.actor_seller_id())', t);
        execute format('create policy staff_read on catalog.%I for select using (shared.actor_is_staff())', t);
        execute format('grant select, insert, update on catalog.%I to ${app_role}', t);
    end loop;
end $$;
grant delete on catalog.product_content, catalog.stock to ${app_role};
