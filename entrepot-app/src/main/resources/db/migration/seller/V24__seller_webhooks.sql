-- Sellers' webhook endpoints and the outbox of messages to them: each message is written in the
-- transaction that decides it, then delivered (signed, HMAC-SHA256) and retried until it is taken.
create table seller.webhook_endpoint (
    seller_id  uuid        primary key,
    url        text        not null check (length(url) between 8 and 500),
    secret     text        not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);

create table seller.webhook_delivery (
    id              uuid        primary key,
    seller_id       uuid        not null,
    event_type      text        not null check (length(event_type) between 1 and 100),
    payload         jsonb       not null,
    attempts        integer     not null default 0,
    next_attempt_at timestamptz not null,
    delivered_at    timestamptz,
    last_error      text,
    created_at      timestamptz not null
);
create index webhook_delivery_due_idx on seller.webhook_delivery (next_attempt_at) where delivered_at is null;
create index webhook_delivery_seller_idx on seller.webhook_delivery (seller_id, created_at);

grant select, insert, update on seller.webhook_endpoint, seller.webhook_delivery to ${app_role};
do $$
declare
    t text;
begin
    foreach t in array array['webhook_endpoint', 'webhook_delivery'] loop
        execute format('alter table seller.%I enable row level security', t);
        execute format('alter table seller.%I force row level security', t);
        execute format('create policy system_all on seller.%I using (shared.actor_is_system()) with check (shared.actor_is_system())', t);
        execute format('create policy own_rows on seller.%I for select using (seller_id = shared.actor_seller_id())', t);
    end loop;
end $$;
