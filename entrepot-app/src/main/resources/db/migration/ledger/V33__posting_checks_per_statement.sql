-- The postings' checks run once per inserting statement over the rows it inserted (a transition
-- table) instead of once per row, and replace the foreign keys to entries and accounts: a bulk
-- posting of thousands of postings runs a few set-based queries, not thousands of trigger calls and
-- foreign-key checks. A foreign key checks each posting on its own and takes a KEY SHARE lock on the
-- parent row; the accounts posted to most (the platform's revenue, the provider's cash, the FX
-- accounts) are shared by every checkout and refund, so each posting queued a lock on the hottest rows
-- of the ledger. The parents never go away: entries refuse update and delete (V15), accounts do now
-- too, and the application role may only insert them.
--
-- Every entry's postings are inserted in one statement (Ledger.post, postAll and reverse do so), so an
-- entry is checked whole when its postings arrive — earlier than the commit-time check this replaces,
-- and still behind the application's back.
drop trigger entry_balances_per_currency on ledger.posting;
drop trigger posting_matches_account on ledger.posting;
drop function ledger.check_entry_balanced();
drop function ledger.check_posting();
alter table ledger.posting drop constraint posting_entry_id_fkey;
alter table ledger.posting drop constraint posting_account_id_fkey;

create trigger account_append_only before update or delete on ledger.account
    for each row execute function ledger.refuse_change();

-- The checks probe the entries' and accounts' keys (and postings by entry) rather than scanning: the
-- rows a statement adds are not yet in the tables' statistics, and a plan made for a smaller table can
-- turn a large statement (a data load) into one scan per posting.
create function ledger.check_postings() returns trigger language plpgsql set enable_seqscan = off as $$
declare
    bad record;
begin
    -- every posting names an existing entry and account
    select p.id, p.entry_id into bad from inserted p where not exists (select 1 from ledger.journal_entry e where e.id = p.entry_id) limit 1;
    if found then
        raise exception 'posting % names no journal entry (%)', bad.id, bad.entry_id using errcode = 'foreign_key_violation';
    end if;
    select p.id, p.account_id into bad from inserted p where not exists (select 1 from ledger.account a where a.id = p.account_id) limit 1;
    if found then
        raise exception 'posting % names no account (%)', bad.id, bad.account_id using errcode = 'foreign_key_violation';
    end if;
    -- a posting is in its account's currency, and names the account's seller (for row-level security)
    select p.id, p.currency, p.seller_id, a.currency as account_currency, a.seller_id as account_seller into bad
    from inserted p join ledger.account a on a.id = p.account_id
    where a.currency <> p.currency or a.seller_id is distinct from p.seller_id
    limit 1;
    if found then
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

create trigger postings_checked after insert on ledger.posting
    referencing new table as inserted for each statement execute function ledger.check_postings();
