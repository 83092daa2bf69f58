-- Double-entry, multi-currency, append-only ledger. Balances are folds of postings (no balance row
-- that every order would have to lock); an entry balances per currency, checked at commit.
create schema ledger;
grant usage on schema ledger to ${app_role};

create table ledger.account (
    id         uuid        primary key,
    owner_type text        not null check (owner_type in ('platform', 'seller', 'buyer_clearing', 'tax_authority', 'carrier',
                                                         'customs_broker', 'payment_provider')),
    owner_ref  text        not null check (length(owner_ref) between 1 and 100),
    seller_id  uuid,
    kind       text        not null check (kind in ('revenue', 'payable_pending', 'payable_available', 'clearing', 'receivable',
                                                   'tax_payable', 'expense', 'fx_conversion', 'cash')),
    currency   char(3)     not null check (currency ~ '^[A-Z]{3}$'),
    created_at timestamptz not null,
    unique (owner_type, owner_ref, kind, currency),
    check ((owner_type = 'seller') = (seller_id is not null))
);

create table ledger.journal_entry (
    id              uuid        primary key,
    description     text        not null check (length(description) between 1 and 500),
    source_type     text        not null check (length(source_type) between 1 and 60),
    source_id       text        not null check (length(source_id) between 1 and 200),
    idempotency_key text        not null unique check (length(idempotency_key) between 1 and 200),
    reverses        uuid        references ledger.journal_entry (id),
    created_at      timestamptz not null
);

create table ledger.posting (
    id           uuid        primary key,
    entry_id     uuid        not null references ledger.journal_entry (id),
    account_id   uuid        not null references ledger.account (id),
    seller_id    uuid,
    amount_minor bigint      not null check (amount_minor <> 0),
    currency     char(3)     not null,
    created_at   timestamptz not null
);
create index posting_account_idx on ledger.posting (account_id);
create index posting_entry_idx on ledger.posting (entry_id);

-- A posting is in its account's currency, and names the account's seller (for row-level security).
create function ledger.check_posting() returns trigger language plpgsql as $$
declare
    account ledger.account%rowtype;
begin
    select * into account from ledger.account where id = new.account_id;
    if account.currency <> new.currency then
        raise exception 'posting in % to an account kept in %', new.currency, account.currency;
    end if;
    if account.seller_id is distinct from new.seller_id then
        raise exception 'posting names seller % but the account belongs to %', new.seller_id, account.seller_id;
    end if;
    return new;
end $$;
create trigger posting_matches_account before insert on ledger.posting
    for each row execute function ledger.check_posting();

-- Every entry balances per currency when the transaction commits.
create function ledger.check_entry_balanced() returns trigger language plpgsql as $$
declare
    unbalanced record;
begin
    select currency, sum(amount_minor) as total into unbalanced
    from ledger.posting where entry_id = new.entry_id group by currency having sum(amount_minor) <> 0 limit 1;
    if found then
        raise exception 'journal entry % does not balance in %: off by %', new.entry_id, unbalanced.currency, unbalanced.total;
    end if;
    return null;
end $$;
create constraint trigger entry_balances_per_currency after insert on ledger.posting
    deferrable initially deferred for each row execute function ledger.check_entry_balanced();

-- Posted is posted: corrections are reversal entries, never edits.
create function ledger.refuse_change() returns trigger language plpgsql as $$
begin
    raise exception 'ledger % rows are append-only: post a reversal instead', tg_table_name;
end $$;
create trigger journal_entry_append_only before update or delete on ledger.journal_entry
    for each row execute function ledger.refuse_change();
create trigger posting_append_only before update or delete on ledger.posting
    for each row execute function ledger.refuse_change();

grant select, insert on ledger.account, ledger.journal_entry, ledger.posting to ${app_role};

alter table ledger.account enable row level security;
alter table ledger.account force row level security;
alter table ledger.posting enable row level security;
alter table ledger.posting force row level security;
create policy system_all on ledger.account using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy own_accounts on ledger.account for select using (seller_id = shared.actor_seller_id());
create policy finance_read on ledger.account for select using (shared.actor_has_role('finance'));
create policy system_all on ledger.posting using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy own_postings on ledger.posting for select using (seller_id = shared.actor_seller_id());
create policy finance_read on ledger.posting for select using (shared.actor_has_role('finance'));
alter table ledger.journal_entry enable row level security;
alter table ledger.journal_entry force row level security;
create policy system_all on ledger.journal_entry using (shared.actor_is_system()) with check (shared.actor_is_system());
create policy finance_read on ledger.journal_entry for select using (shared.actor_has_role('finance'));
create policy own_entries on ledger.journal_entry for select
    using (exists (select 1 from ledger.posting p where p.entry_id = id and p.seller_id = shared.actor_seller_id()));
