-- As V29 for buyer orders: the seller's sub-query on journal entries runs only for a seller actor.
drop policy own_entries on ledger.journal_entry;
create policy own_entries on ledger.journal_entry for select
    using (shared.actor_kind() = 'seller'
           and exists (select 1 from ledger.posting p where p.entry_id = journal_entry.id and p.seller_id = shared.actor_seller_id()));
