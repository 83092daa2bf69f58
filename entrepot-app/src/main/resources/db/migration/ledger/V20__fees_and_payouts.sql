-- Fees: commission schedules by market and category (percent + fixed, minimum, maximum) and payment
-- fees; promotions override the commission for a cohort and a period. Operators' data, dated.
create table ledger.fee_rule (
    id             uuid          primary key,
    fee_type       text          not null check (fee_type in ('commission', 'payment')),
    market_code    char(2)       check (market_code ~ '^[A-Z]{2}$'),
    category       text          check (category ~ '^[a-z0-9-]{1,60}$'),
    pct            numeric(7, 4) not null check (pct between 0 and 100),
    fixed_minor    bigint        not null default 0 check (fixed_minor >= 0),
    min_minor      bigint        check (min_minor >= 0),
    max_minor      bigint        check (max_minor >= 0),
    currency       char(3)       check (currency ~ '^[A-Z]{3}$'),
    label          text          not null check (length(label) between 1 and 200),
    effective_from timestamptz   not null,
    effective_to   timestamptz,
    created_by     text          not null,
    created_at     timestamptz   not null,
    check ((fixed_minor = 0 and min_minor is null and max_minor is null) or currency is not null),
    check (min_minor is null or max_minor is null or min_minor <= max_minor),
    check (effective_to is null or effective_to > effective_from)
);

create table ledger.promotion (
    id             uuid          primary key,
    name           text          not null check (length(name) between 1 and 200),
    cohort         text          not null check (cohort in ('seller_first_days', 'market_first_days')),
    days           integer       not null check (days between 1 and 3650),
    pct            numeric(7, 4) not null default 0 check (pct between 0 and 100),
    market_code    char(2)       check (market_code ~ '^[A-Z]{2}$'),
    active_from    timestamptz   not null,
    active_to      timestamptz,
    created_by     text          not null,
    created_at     timestamptz   not null,
    check (active_to is null or active_to > active_from)
);
grant select, insert, update on ledger.fee_rule, ledger.promotion to ${app_role};

insert into ledger.fee_rule (id, fee_type, market_code, category, pct, fixed_minor, min_minor, max_minor, currency, label, effective_from, created_by, created_at) values
    (gen_random_uuid(), 'commission', null, null, 8, 0, null, null, null, 'schedule 8% (all markets, all categories)', '2020-01-01', 'reference-data', now()),
    (gen_random_uuid(), 'commission', null, 'electronics', 5, 0, null, null, null, 'schedule 5% (electronics)', '2020-01-01', 'reference-data', now()),
    (gen_random_uuid(), 'commission', null, 'fashion', 12, 0, null, null, null, 'schedule 12% (fashion)', '2020-01-01', 'reference-data', now()),
    (gen_random_uuid(), 'commission', 'JP', null, 10, 30, 100, 5000, 'JPY', 'schedule JP 10% + ¥30, at least ¥100, at most ¥5,000', '2020-01-01', 'reference-data', now()),
    (gen_random_uuid(), 'payment', null, null, 2.9, 0, null, null, null, 'payment fee 2.9%', '2020-01-01', 'reference-data', now());
-- "Newly opened market" means opened after the promotion started, so the seeded markets do not qualify.
insert into ledger.promotion (id, name, cohort, days, pct, active_from, created_by, created_at) values
    (gen_random_uuid(), 'Welcome: 0% commission for a seller''s first 90 days', 'seller_first_days', 90, 0, '2020-01-01', 'reference-data', now()),
    (gen_random_uuid(), 'New market: 0% commission for a market''s first 60 days', 'market_first_days', 60, 0, now(), 'reference-data', now());

-- Reserves (money held back from payouts) and payouts.
alter table ledger.account drop constraint account_kind_check;
alter table ledger.account add constraint account_kind_check check (kind in ('revenue', 'payable_pending', 'payable_available', 'clearing',
    'receivable', 'tax_payable', 'expense', 'fx_conversion', 'cash', 'reserve'));
-- The rate of an FX leg is recorded on its postings.
alter table ledger.posting add column fx_rate numeric(30, 15);

create table ledger.reserve_policy (
    seller_id  uuid          primary key,
    pct        numeric(7, 4) not null check (pct between 0 and 100),
    reason     text          not null,
    created_by text          not null,
    created_at timestamptz   not null
);

create table ledger.payout_batch (
    id          uuid        primary key,
    started_by  text        not null,
    created_at  timestamptz not null,
    finished_at timestamptz,
    payouts     integer     not null default 0
);

create table ledger.payout (
    id              uuid        primary key,
    batch_id        uuid        references ledger.payout_batch (id),
    seller_id       uuid        not null,
    amount_minor    bigint      not null check (amount_minor > 0),
    reserved_minor  bigint      not null default 0 check (reserved_minor >= 0),
    currency        char(3)     not null,
    status          text        not null check (status in ('paid')),
    idempotency_key text        not null unique,
    entry_id        uuid        not null references ledger.journal_entry (id),
    created_by      text        not null,
    created_at      timestamptz not null
);
create index payout_seller_idx on ledger.payout (seller_id, created_at);
grant select, insert, update on ledger.reserve_policy, ledger.payout_batch, ledger.payout to ${app_role};

alter table ledger.reserve_policy enable row level security;
alter table ledger.reserve_policy force row level security;
create policy system_all on ledger.reserve_policy using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy finance_all on ledger.reserve_policy using (shared.actor_has_role('finance') or shared.actor_has_role('admin'))
    with check (shared.actor_has_role('finance') or shared.actor_has_role('admin'));
create policy own_rows on ledger.reserve_policy for select using (seller_id = shared.actor_seller_id());
alter table ledger.payout enable row level security;
alter table ledger.payout force row level security;
create policy system_all on ledger.payout using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy finance_read on ledger.payout for select using (shared.actor_has_role('finance') or shared.actor_has_role('admin'));
create policy own_rows on ledger.payout for select using (seller_id = shared.actor_seller_id());

-- V15's policy compared the posting's own id with itself ("id" resolved inside the sub-query), so
-- sellers never saw their entries: name the outer table.
drop policy own_entries on ledger.journal_entry;
create policy own_entries on ledger.journal_entry for select
    using (exists (select 1 from ledger.posting p where p.entry_id = journal_entry.id and p.seller_id = shared.actor_seller_id()));
