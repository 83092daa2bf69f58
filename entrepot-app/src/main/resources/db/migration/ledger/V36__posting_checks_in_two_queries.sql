-- The postings' checks (V33) with two queries instead of four: whether each posting's entry and account
-- exist and whether it matches its account (currency, seller) are one pass over the inserted rows joined
-- to entries and accounts; the balance check stays as it was. Every checkout posts an entry, so each
-- query saved is saved per order. The same errors as before (the first bad posting found is reported).
create or replace function ledger.check_postings() returns trigger language plpgsql set enable_seqscan = off as $$
declare
    bad record;
begin
    -- every posting names an existing entry and account, is in the account's currency and names its seller
    select p.id, p.entry_id, p.account_id, p.currency, p.seller_id, e.id is not null as entry_found, a.id is not null as account_found,
           a.currency as account_currency, a.seller_id as account_seller
    into bad
    from inserted p
    left join ledger.journal_entry e on e.id = p.entry_id
    left join ledger.account a on a.id = p.account_id
    where e.id is null or a.id is null or a.currency <> p.currency or a.seller_id is distinct from p.seller_id
    limit 1;
    if found then
        if not bad.entry_found then
            raise exception 'posting % names no journal entry (%)', bad.id, bad.entry_id using errcode = 'foreign_key_violation';
        end if;
        if not bad.account_found then
            raise exception 'posting % names no account (%)', bad.id, bad.account_id using errcode = 'foreign_key_violation';
        end if;
        if bad.currency <> bad.account_currency then
            raise exception 'posting in % to an account kept in %', bad.currency, bad.account_currency;
        end if;
        raise exception 'posting names seller % but the account belongs to %', bad.seller_id, bad.account_seller;
    end if;
    -- every entry these postings belong to balances per currency (over all its postings)
    select p.entry_id, p.currency, sum(p.amount_minor) as total into bad
    from ledger.posting p where p.entry_id in (select distinct entry_id from inserted)
    group by p.entry_id, p.currency having sum(p.amount_minor) <> 0
    limit 1;
    if found then
        raise exception 'journal entry % does not balance in %: off by %', bad.entry_id, bad.currency, bad.total;
    end if;
    return null;
end $$;
