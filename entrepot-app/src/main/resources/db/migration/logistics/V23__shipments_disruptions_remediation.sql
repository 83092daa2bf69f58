-- Customs checkpoints on lanes, shipments with their tracking events, carriers and their keys,
-- disruptions, and the remediation runs that cancel, refund and bring back the goods they strand.

-- A customs office parcels pass: each cross-border lane passes the origin's export checkpoint and
-- the market's import checkpoint.
create table logistics.checkpoint (
    code       text        primary key check (code ~ '^[A-Z0-9-]{3,40}$'),
    country    char(2)     not null check (country ~ '^[A-Z]{2}$'),
    kind       text        not null check (kind in ('export', 'import')),
    name       text        not null check (length(name) between 1 and 200),
    created_at timestamptz not null default now()
);
grant select, insert, update on logistics.checkpoint to ${app_role};

insert into logistics.checkpoint (code, country, kind, name) values
    ('CN-SZX-EXPORT', 'CN', 'export', 'Shenzhen export customs'),
    ('VN-HAN-EXPORT', 'VN', 'export', 'Hanoi (Noi Bai) export customs'),
    ('SG-SIN-IMPORT', 'SG', 'import', 'Singapore (Changi) import customs'),
    ('MY-KUL-IMPORT', 'MY', 'import', 'Kuala Lumpur (KLIA) import customs'),
    ('TH-BKK-IMPORT', 'TH', 'import', 'Bangkok (Suvarnabhumi) import customs'),
    ('VN-SGN-IMPORT', 'VN', 'import', 'Ho Chi Minh City (Tan Son Nhat) import customs'),
    ('PH-MNL-IMPORT', 'PH', 'import', 'Manila (NAIA) import customs'),
    ('ID-CGK-IMPORT', 'ID', 'import', 'Jakarta (Soekarno-Hatta) import customs'),
    ('JP-NRT-IMPORT', 'JP', 'import', 'Tokyo (Narita) import customs'),
    ('KR-ICN-IMPORT', 'KR', 'import', 'Incheon import customs'),
    ('US-JFK-IMPORT', 'US', 'import', 'New York (JFK) import customs'),
    ('GB-LHR-IMPORT', 'GB', 'import', 'London (Heathrow) import customs'),
    ('DE-FRA-IMPORT', 'DE', 'import', 'Frankfurt import customs'),
    ('FR-CDG-IMPORT', 'FR', 'import', 'Paris (Charles de Gaulle) import customs'),
    ('AU-SYD-IMPORT', 'AU', 'import', 'Sydney import customs'),
    ('MX-MEX-IMPORT', 'MX', 'import', 'Mexico City import customs'),
    ('BR-GRU-IMPORT', 'BR', 'import', 'São Paulo (Guarulhos) import customs'),
    ('SA-RUH-IMPORT', 'SA', 'import', 'Riyadh import customs');

alter table logistics.lane add column export_checkpoint text references logistics.checkpoint (code);
alter table logistics.lane add column import_checkpoint text references logistics.checkpoint (code);
update logistics.lane l set export_checkpoint = c.code from logistics.checkpoint c where c.country = l.origin_country and c.kind = 'export';
update logistics.lane l set import_checkpoint = c.code from logistics.checkpoint c where c.country = l.destination_market and c.kind = 'import';

-- A carrier sending tracking events; its key is stored as a SHA-256 hash and shown once.
create table logistics.carrier (
    code       text        primary key check (code ~ '^[a-z0-9-]{2,40}$'),
    name       text        not null check (length(name) between 1 and 200),
    key_prefix text        unique,
    key_hash   text        unique,
    created_at timestamptz not null default now()
);
grant select, insert, update on logistics.carrier to ${app_role};
insert into logistics.carrier (code, name) values ('entrepot-air', 'Entrepot Air');

-- A parcel of one seller order: outbound to the buyer, or back to the seller after a remediation.
-- Its status only moves forward; duplicate and late events change nothing.
create table logistics.shipment (
    id                 uuid        primary key,
    seller_order_id    uuid        not null,
    seller_id          uuid        not null,
    direction          text        not null check (direction in ('outbound', 'return')),
    lane_id            uuid        references logistics.lane (id),
    origin_country     char(2)     not null,
    destination_market char(2)     not null,
    carrier_service    text        not null,
    tracking_number    text        not null unique check (tracking_number ~ '^[A-Za-z0-9-]{4,40}$'),
    status             text        not null,
    status_rank        integer     not null,
    status_at          timestamptz not null,
    checkpoint_code    text,
    cost_minor         bigint      check (cost_minor >= 0),
    cost_currency      char(3),
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    unique (seller_order_id, direction)
);
create index shipment_seller_idx on logistics.shipment (seller_id, created_at);
create index shipment_lane_status_idx on logistics.shipment (lane_id, status_rank) where direction = 'outbound';

create table logistics.tracking_event (
    id              uuid        primary key,
    shipment_id     uuid        not null references logistics.shipment (id),
    seller_id       uuid        not null,
    carrier_code    text        not null,
    event_id        text        not null check (length(event_id) between 1 and 100),
    status          text        not null,
    checkpoint_code text,
    location        text        check (length(location) <= 200),
    occurred_at     timestamptz not null,
    received_at     timestamptz not null,
    unique (carrier_code, event_id)
);
create index tracking_event_shipment_idx on logistics.tracking_event (shipment_id, occurred_at);

-- A customs disruption: a checkpoint, a whole market or one lane, closed for a time window.
create table logistics.disruption (
    id              uuid        primary key,
    scope           text        not null check (scope in ('checkpoint', 'market', 'lane')),
    checkpoint_code text        references logistics.checkpoint (code),
    market_code     char(2),
    lane_id         uuid        references logistics.lane (id),
    starts_at       timestamptz not null,
    ends_at         timestamptz,
    reason          text        not null check (length(reason) between 1 and 500),
    declared_by     text        not null,
    created_at      timestamptz not null,
    check ((scope = 'checkpoint') = (checkpoint_code is not null)),
    check ((scope = 'market') = (market_code is not null)),
    check ((scope = 'lane') = (lane_id is not null)),
    check (ends_at is null or ends_at > starts_at)
);

-- A remediation run over a disruption's affected seller orders, worked in leased chunks by any node.
create table logistics.remediation_run (
    id            uuid        primary key,
    disruption_id uuid        not null references logistics.disruption (id),
    policy        jsonb       not null,
    status        text        not null check (status in ('running', 'finished')),
    total         integer     not null,
    started_by    text        not null,
    created_at    timestamptz not null,
    finished_at   timestamptz
);
create unique index remediation_run_one_running_idx on logistics.remediation_run (disruption_id) where status = 'running';

-- One affected seller order of a run. A seller order is remediated by one item, ever; the item's
-- attempt number derives the idempotency keys of its refund, so a retry after a refused refund
-- asks again while a crash-repeat of the same attempt is answered from the first.
create table logistics.remediation_item (
    run_id              uuid        not null references logistics.remediation_run (id),
    seller_order_id     uuid        not null unique,
    seller_id           uuid        not null,
    seller_name         text        not null,
    action              text        not null check (action in ('cancel', 'return')),
    status              text        not null check (status in ('pending', 'done', 'skipped', 'failed')),
    attempts            integer     not null default 0,
    lease_owner         text,
    lease_until         timestamptz,
    worked_by           text,
    currency            char(3)     not null,
    order_total_minor   bigint      not null,
    refunded_minor      bigint      not null default 0,
    return_cost_minor   bigint      not null default 0,
    error               text,
    updated_at          timestamptz not null,
    primary key (run_id, seller_order_id)
);
create index remediation_item_work_idx on logistics.remediation_item (run_id, status, lease_until);
create index remediation_item_seller_idx on logistics.remediation_item (seller_id, run_id);

-- Messages to sellers and buyers about what was done to their orders.
create table logistics.notification (
    id              uuid        primary key,
    run_id          uuid        not null references logistics.remediation_run (id),
    seller_order_id uuid        not null,
    seller_id       uuid        not null,
    recipient       text        not null check (recipient in ('seller', 'buyer')),
    subject         text        not null,
    body            text        not null,
    created_at      timestamptz not null,
    unique (run_id, seller_order_id, recipient)
);
create index notification_seller_idx on logistics.notification (seller_id, created_at);

grant select, insert, update on logistics.shipment, logistics.tracking_event, logistics.disruption, logistics.remediation_run,
    logistics.remediation_item, logistics.notification to ${app_role};

do $$
declare
    t text;
begin
    foreach t in array array['shipment', 'tracking_event', 'remediation_item', 'notification'] loop
        execute format('alter table logistics.%I enable row level security', t);
        execute format('alter table logistics.%I force row level security', t);
        execute format('create policy system_all on logistics.%I using (shared.actor_is_system()) with check (shared.actor_is_system())', t);
        execute format('create policy own_rows on logistics.%I for select using (seller_id = shared.actor_seller_id())', t);
        execute format('create policy staff_read on logistics.%I for select using (shared.actor_is_staff())', t);
    end loop;
end $$;
