-- The postings' checks (V36) looked up each posting's entry and account: two index probes per posting,
-- about a fifth of the time of inserting postings (a remediation chunk inserts ~1,800 postings of 200
-- entries on a handful of accounts). The same checks now look up each distinct entry once and each
-- distinct (account, currency, seller) once. The same errors, naming the first bad posting found.
create or replace function ledger.check_postings() returns trigger language plpgsql set enable_seqscan = off as $$
declare
    bad record;
begin
    -- every posting names an existing entry and account, is in the account's currency and names its seller
    select x.problem, x.entry_id, x.account_id, x.currency, x.seller_id, x.account_currency, x.account_seller into bad
    from (select 'entry' as problem, e.entry_id, null::uuid as account_id, null::char(3) as currency, null::uuid as seller_id,
                 null::char(3) as account_currency, null::uuid as account_seller
          from (select distinct entry_id from inserted) e
          where not exists (select 1 from ledger.journal_entry j where j.id = e.entry_id)
          union all
          select case when a.id is null then 'account' when a.currency <> u.currency then 'currency' else 'seller' end,
                 null, u.account_id, u.currency, u.seller_id, a.currency, a.seller_id
          from (select distinct account_id, currency, seller_id from inserted) u
          left join ledger.account a on a.id = u.account_id
          where a.id is null or a.currency <> u.currency or a.seller_id is distinct from u.seller_id) x
    limit 1;
    if found then
        if bad.problem = 'entry' then
            raise exception 'posting % names no journal entry (%)', (select p.id from inserted p where p.entry_id = bad.entry_id limit 1), bad.entry_id
                using errcode = 'foreign_key_violation';
        end if;
        if bad.problem = 'account' then
            raise exception 'posting % names no account (%)', (select p.id from inserted p where p.account_id = bad.account_id limit 1), bad.account_id
                using errcode = 'foreign_key_violation';
        end if;
        if bad.problem = 'currency' then
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
