-- Quotes, orders split per seller, payments through the provider port, refunds, and the idempotency
-- keys of the POSTs that create them. Seller-owned rows carry seller_id under row-level security.
create schema ordering;
grant usage on schema ordering to ${app_role};

create table ordering.quote (
    id          uuid        primary key,
    market_code char(2)     not null,
    currency    char(3)     not null,
    total_minor bigint      not null check (total_minor >= 0),
    request     jsonb       not null,
    body        jsonb       not null,
    created_at  timestamptz not null,
    expires_at  timestamptz not null
);

create table ordering.idempotency_key (
    scope           text        not null check (length(scope) between 1 and 100),
    key             text        not null check (length(key) between 1 and 255),
    request_hash    text        not null,
    state           text        not null check (state in ('running', 'done')),
    response_status integer,
    response_body   text,
    resource_id     uuid,
    created_at      timestamptz not null,
    expires_at      timestamptz not null,
    primary key (scope, key)
);
create index idempotency_key_resource_idx on ordering.idempotency_key (resource_id);

create table ordering.buyer_order (
    id                    uuid        primary key,
    quote_id              uuid        not null references ordering.quote (id),
    market_code           char(2)     not null,
    currency              char(3)     not null,
    buyer_user_id         uuid,
    email                 text        not null check (length(email) between 3 and 254),
    address               jsonb       not null,
    items_minor           bigint      not null check (items_minor >= 0),
    shipping_minor        bigint      not null check (shipping_minor >= 0),
    duty_tax_minor        bigint      not null check (duty_tax_minor >= 0),
    total_minor           bigint      not null check (total_minor >= 0),
    border_estimate_minor bigint      not null check (border_estimate_minor >= 0),
    duty_unknown          boolean     not null,
    status                text        not null check (status in ('awaiting_payment', 'placed', 'payment_declined', 'expired')),
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index buyer_order_buyer_idx on ordering.buyer_order (buyer_user_id, created_at);
create index buyer_order_email_idx on ordering.buyer_order (lower(email));
create index buyer_order_status_idx on ordering.buyer_order (status, created_at);

create table ordering.seller_order (
    id                uuid            primary key,
    order_id          uuid            not null references ordering.buyer_order (id),
    seller_id         uuid            not null,
    seller_name       text            not null,
    market_code       char(2)         not null,
    origin_country    char(2)         not null,
    carrier_service   text            not null,
    status            text            not null check (status in ('awaiting_payment', 'placed', 'shipped', 'delivered', 'released',
                                                                 'cancelled', 'payment_declined', 'expired')),
    currency          char(3)         not null,
    goods_minor       bigint          not null check (goods_minor >= 0),
    shipping_minor    bigint          not null check (shipping_minor >= 0),
    duty_minor        bigint          not null check (duty_minor >= 0),
    tax_minor         bigint          not null check (tax_minor >= 0),
    total_minor       bigint          not null check (total_minor >= 0),
    commission_minor  bigint          not null check (commission_minor >= 0),
    payment_fee_minor bigint          not null check (payment_fee_minor >= 0),
    payment_fee_rule  text            not null,
    payout_currency   char(3)         not null,
    fx_rate           numeric(30, 15),
    net_payout_minor  bigint,
    refunded_minor    bigint          not null default 0 check (refunded_minor >= 0 and refunded_minor <= total_minor),
    shipped_at        timestamptz,
    delivered_at      timestamptz,
    release_due_at    timestamptz,
    released_at       timestamptz,
    created_at        timestamptz     not null,
    updated_at        timestamptz     not null
);
create index seller_order_order_idx on ordering.seller_order (order_id);
create index seller_order_seller_idx on ordering.seller_order (seller_id, created_at);
create index seller_order_release_idx on ordering.seller_order (release_due_at) where status = 'delivered';

create table ordering.order_line (
    id               uuid        primary key,
    seller_order_id  uuid        not null references ordering.seller_order (id),
    seller_id        uuid        not null,
    offer_id         uuid        not null,
    sku_id           uuid        not null,
    sku_code         text        not null,
    title            text        not null,
    category         text        not null,
    hs_chapter       char(2)     not null,
    quantity         integer     not null check (quantity between 1 and 1000),
    unit_price_minor bigint      not null check (unit_price_minor >= 0),
    currency         char(3)     not null,
    commission_minor bigint      not null check (commission_minor >= 0),
    commission_rule  text        not null,
    created_at       timestamptz not null
);
create index order_line_seller_order_idx on ordering.order_line (seller_order_id);

create table ordering.payment (
    id             uuid        primary key,
    order_id       uuid        not null unique references ordering.buyer_order (id),
    provider       text        not null,
    provider_ref   text,
    token          text        not null check (token ~ '^tok_[a-z0-9_]{1,60}$'),
    amount_minor   bigint      not null check (amount_minor >= 0),
    currency       char(3)     not null,
    status         text        not null check (status in ('authorizing', 'authorized', 'declined', 'voided', 'settled')),
    provider_state text,
    provider_state_at timestamptz,
    decline_reason text,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);

-- Provider webhooks find their payment by the provider's reference.
create index payment_provider_ref_idx on ordering.payment (provider_ref);

-- Every call to the payment provider, keyed before it is made: a retry (or the recovery after a
-- crash) repeats the call with the same key, and the provider does it once.
create table ordering.provider_call (
    key          text        primary key,
    payment_id   uuid        not null references ordering.payment (id),
    operation    text        not null check (operation in ('authorize', 'capture', 'void', 'refund')),
    source_id    uuid        not null,
    amount_minor bigint      not null check (amount_minor >= 0),
    state        text        not null check (state in ('started', 'succeeded', 'failed')),
    outcome      text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);
create index provider_call_started_idx on ordering.provider_call (created_at) where state = 'started';

create table ordering.refund (
    id              uuid        primary key,
    seller_order_id uuid        not null references ordering.seller_order (id),
    seller_id       uuid        not null,
    amount_minor    bigint      not null check (amount_minor > 0),
    currency        char(3)     not null,
    goods_part      bigint      not null check (goods_part >= 0),
    shipping_part   bigint      not null check (shipping_part >= 0),
    duty_tax_part   bigint      not null check (duty_tax_part >= 0),
    fees_back       bigint      not null check (fees_back >= 0),
    seller_part     bigint      not null,
    status          text        not null check (status in ('pending', 'refunded', 'failed')),
    reason          text        not null check (length(reason) between 1 and 500),
    entry_id        uuid,
    created_by      text        not null,
    created_at      timestamptz not null
);
create index refund_seller_order_idx on ordering.refund (seller_order_id);

-- Provider webhooks: each event's effect happens once, in the transaction that records its id.
create table ordering.payment_event (
    event_id     text        primary key,
    provider_ref text        not null,
    type         text        not null,
    occurred_at  timestamptz not null,
    received_at  timestamptz not null
);

grant select, insert, update on ordering.quote, ordering.buyer_order, ordering.seller_order, ordering.order_line, ordering.payment,
    ordering.provider_call, ordering.refund, ordering.payment_event to ${app_role};
grant select, insert, update, delete on ordering.idempotency_key to ${app_role};

do $$
declare
    t text;
begin
    foreach t in array array['seller_order', 'order_line', 'refund'] loop
        execute format('alter table ordering.%I enable row level security', t);
        execute format('alter table ordering.%I force row level security', t);
        execute format('create policy system_all on ordering.%I using (shared.actor_is_system()) with check (shared.actor_is_system())', t);
        execute format('create policy own_rows on ordering.%I for select using (seller_id = shared.actor_seller_id())', t);
        execute format('create policy staff_read on ordering.%I for select using (shared.actor_is_staff())', t);
    end loop;
end $$;
alter table ordering.buyer_order enable row level security;
alter table ordering.buyer_order force row level security;
create policy system_all on ordering.buyer_order using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy own_orders on ordering.buyer_order for select using (shared.actor_kind() = 'buyer' and buyer_user_id = shared.actor_user_id());
create policy staff_read on ordering.buyer_order for select using (shared.actor_is_staff());
create policy sellers_orders on ordering.buyer_order for select
    using (exists (select 1 from ordering.seller_order s where s.order_id = buyer_order.id and s.seller_id = shared.actor_seller_id()));

-- The sandbox payment provider keeps its own books, as a remote provider would (schema of its own).
create schema psp_sandbox;
grant usage on schema psp_sandbox to ${app_role};
create table psp_sandbox.payment (
    id             text        primary key,
    token          text        not null,
    amount_minor   bigint      not null,
    currency       char(3)     not null,
    status         text        not null,
    captured_minor bigint      not null default 0,
    voided_minor   bigint      not null default 0,
    refunded_minor bigint      not null default 0,
    created_at     timestamptz not null,
    updated_at     timestamptz not null
);
create table psp_sandbox.request (
    idempotency_key text        primary key,
    operation       text        not null,
    request_hash    text        not null,
    response        text        not null,
    created_at      timestamptz not null
);
create table psp_sandbox.webhook (
    id           text        primary key,
    payment_id   text        not null,
    type         text        not null,
    occurred_at  timestamptz not null,
    deliver_at   timestamptz not null,
    deliveries   integer     not null default 0,
    delivered_at timestamptz
);
create index webhook_due_idx on psp_sandbox.webhook (deliver_at) where delivered_at is null;
grant select, insert, update on psp_sandbox.payment, psp_sandbox.request, psp_sandbox.webhook to ${app_role};
