package io.entrepot.ledger.internal;

import io.entrepot.ledger.AccountRef;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Rows of the ledger schema: accounts are found or created, entries and postings only ever inserted. */
@Repository
public class LedgerStore {

    /** At most this many account ids are kept; beyond it the copies are dropped and read again. */
    private static final int KNOWN_ACCOUNTS_LIMIT = 100_000;

    private final JdbcClient jdbc;
    /**
     * Ids of accounts that committed transactions of this node found (decision 0032). An account is never changed
     * or deleted once created (a trigger refuses it), so an id found once stays right.
     */
    private final java.util.Map<AccountRef, UUID> knownAccounts = new java.util.concurrent.ConcurrentHashMap<>();

    LedgerStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public UUID account(AccountRef ref, UUID newId, Instant now) {
        jdbc.sql("""
                insert into ledger.account (id, owner_type, owner_ref, seller_id, kind, currency, created_at)
                values (:id, :owner, :ref, :seller, :kind, :currency, :now)
                on conflict (owner_type, owner_ref, kind, currency) do nothing
                """)
                .param("id", newId).param("owner", ref.ownerType().key()).param("ref", ref.ownerRef())
                .param("seller", ref.sellerId() == null ? null : ref.sellerId().value()).param("kind", ref.kind().key())
                .param("currency", ref.currency().code()).param("now", Timestamp.from(now)).update();
        return find(ref).orElseThrow();
    }

    /**
     * Finds or creates many accounts: their ids by reference. The platform's own transactions take the ids this node
     * already knows (decision 0032) and send no statement when it knows them all; the others are found or created
     * as {@link #findOrCreate} says, and kept once the transaction commits.
     */
    public java.util.Map<AccountRef, UUID> accounts(List<AccountRef> refs, java.util.function.Supplier<UUID> newIds, Instant now) {
        if (!(ActorContext.current() instanceof Actor.System) || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return findOrCreate(refs, newIds, now);
        }
        java.util.Map<AccountRef, UUID> found = new java.util.HashMap<>();
        List<AccountRef> unknown = new java.util.ArrayList<>();
        for (AccountRef r : refs) {
            UUID id = knownAccounts.get(r);
            if (id != null) {
                found.put(r, id);
            } else {
                unknown.add(r);
            }
        }
        if (!unknown.isEmpty()) {
            var read = findOrCreate(unknown, newIds, now);
            rememberAfterCommit(read);
            found.putAll(read);
        }
        return found;
    }

    /**
     * Finds or creates many accounts with one statement when they all exist and three when some must be created. New
     * accounts are inserted in one order, so two transactions creating the same ones wait for each other instead of
     * deadlocking.
     */
    private java.util.Map<AccountRef, UUID> findOrCreate(List<AccountRef> refs, java.util.function.Supplier<UUID> newIds, Instant now) {
        // Nearly always every account exists already: one read; the missing ones are then created and read.
        java.util.Map<AccountRef, UUID> found = existing(refs);
        List<AccountRef> missing = refs.stream().filter(r -> !found.containsKey(r)).distinct().toList();
        if (missing.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                insert into ledger.account (id, owner_type, owner_ref, seller_id, kind, currency, created_at)
                select cast(u.id as uuid), u.owner, u.ref, cast(nullif(u.seller, '') as uuid), u.kind, u.currency, :now
                from unnest(cast(:ids as text[]), cast(:owners as text[]), cast(:refs as text[]), cast(:sellers as text[]), cast(:kinds as text[]),
                            cast(:currencies as text[])) as u (id, owner, ref, seller, kind, currency)
                order by u.owner, u.ref, u.kind, u.currency
                on conflict (owner_type, owner_ref, kind, currency) do nothing
                """).param("ids", missing.stream().map(r -> newIds.get().toString()).toArray(String[]::new))
                .param("owners", missing.stream().map(r -> r.ownerType().key()).toArray(String[]::new))
                .param("refs", missing.stream().map(AccountRef::ownerRef).toArray(String[]::new))
                .param("sellers", missing.stream().map(r -> r.sellerId() == null ? "" : r.sellerId().value().toString()).toArray(String[]::new))
                .param("kinds", missing.stream().map(r -> r.kind().key()).toArray(String[]::new))
                .param("currencies", missing.stream().map(r -> r.currency().code()).toArray(String[]::new))
                .param("now", Timestamp.from(now)).update();
        found.putAll(existing(missing));
        for (AccountRef r : refs) {
            java.util.Objects.requireNonNull(found.get(r), () -> "account " + r + " was neither found nor created");
        }
        return found;
    }

    /**
     * Keeps these ids once the current transaction has committed: only then are accounts it created sure to exist
     * (a rolled-back transaction's would not).
     */
    private void rememberAfterCommit(java.util.Map<AccountRef, UUID> ids) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (knownAccounts.size() + ids.size() > KNOWN_ACCOUNTS_LIMIT) {
                    knownAccounts.clear();
                }
                knownAccounts.putAll(ids);
            }
        });
    }

    /** The accounts of these references that exist. */
    private java.util.Map<AccountRef, UUID> existing(List<AccountRef> refs) {
        java.util.Map<String, UUID> byKey = new java.util.HashMap<>();
        jdbc.sql("""
                select a.id, a.owner_type, a.owner_ref, a.kind, a.currency from ledger.account a
                join unnest(cast(:owners as text[]), cast(:refs as text[]), cast(:kinds as text[]), cast(:currencies as text[])) as u (owner, ref, kind, currency)
                  on a.owner_type = u.owner and a.owner_ref = u.ref and a.kind = u.kind and a.currency = u.currency
                """).param("owners", refs.stream().map(r -> r.ownerType().key()).toArray(String[]::new))
                .param("refs", refs.stream().map(AccountRef::ownerRef).toArray(String[]::new))
                .param("kinds", refs.stream().map(r -> r.kind().key()).toArray(String[]::new))
                .param("currencies", refs.stream().map(r -> r.currency().code()).toArray(String[]::new))
                .query(rs -> {
                    byKey.put(rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4) + "|" + rs.getString(5).strip(), rs.getObject(1, UUID.class));
                });
        java.util.Map<AccountRef, UUID> found = new java.util.HashMap<>();
        for (AccountRef r : refs) {
            UUID id = byKey.get(r.ownerType().key() + "|" + r.ownerRef() + "|" + r.kind().key() + "|" + r.currency().code());
            if (id != null) {
                found.put(r, id);
            }
        }
        return found;
    }

    /** The entries already posted under any of these keys: id by key. */
    public java.util.Map<String, UUID> entriesByKey(List<String> keys) {
        java.util.Map<String, UUID> found = new java.util.HashMap<>();
        jdbc.sql("select idempotency_key, id from ledger.journal_entry where idempotency_key = any (cast(:keys as text[]))")
                .param("keys", keys.toArray(String[]::new)).query(rs -> {
                    found.put(rs.getString(1), rs.getObject(2, UUID.class));
                });
        return found;
    }

    /** An entry to insert with its postings. */
    public record NewEntry(UUID id, String description, String sourceType, String sourceId, String key, @Nullable UUID reverses,
            List<StoredPosting> postings) {
    }

    /**
     * Inserts entries with one statement and all their postings with another: the database checks the
     * postings of each statement together (V33), so an entry's postings always arrive in one statement.
     */
    public void insertAll(List<NewEntry> entries, java.util.function.Supplier<UUID> newIds, Instant now) {
        if (entries.isEmpty()) {
            return;
        }
        insertEntries(entries, now);
        postings(entries, newIds, now, POSTINGS).update();
    }

    /**
     * Inserts the entry and its postings unless an entry with its idempotency key exists (also one a
     * concurrent transaction is committing: this waits for it); whether it did. One statement: the entry is
     * inserted in its first part and the postings only if it was (an entry has at least two postings, so
     * none inserted means the key was there), on the path every checkout takes.
     */
    public boolean insertIfNew(NewEntry entry, java.util.function.Supplier<UUID> newIds, Instant now) {
        return postings(List.of(entry), newIds, now, """
                with entry as (insert into ledger.journal_entry (id, description, source_type, source_id, idempotency_key, reverses, created_at)
                               values (:entry, :description, :sourceType, :sourceId, :key, :reverses, :now)
                               on conflict (idempotency_key) do nothing returning id)
                """ + POSTINGS + " where exists (select from entry)")
                .param("entry", entry.id()).param("description", entry.description()).param("sourceType", entry.sourceType())
                .param("sourceId", entry.sourceId()).param("key", entry.key()).param("reverses", entry.reverses(), java.sql.Types.OTHER)
                .update() > 0;
    }

    private void insertEntries(List<NewEntry> entries, Instant now) {
        jdbc.sql("""
                insert into ledger.journal_entry (id, description, source_type, source_id, idempotency_key, reverses, created_at)
                select cast(u.id as uuid), u.description, u.source_type, u.source_id, u.key, cast(nullif(u.reverses, '') as uuid), :now
                from unnest(cast(:ids as text[]), cast(:descriptions as text[]), cast(:types as text[]), cast(:sources as text[]), cast(:keys as text[]),
                            cast(:reverses as text[])) as u (id, description, source_type, source_id, key, reverses)
                """).param("ids", entries.stream().map(e -> e.id().toString()).toArray(String[]::new))
                .param("reverses", entries.stream().map(e -> e.reverses() == null ? "" : e.reverses().toString()).toArray(String[]::new))
                .param("descriptions", entries.stream().map(NewEntry::description).toArray(String[]::new))
                .param("types", entries.stream().map(NewEntry::sourceType).toArray(String[]::new))
                .param("sources", entries.stream().map(NewEntry::sourceId).toArray(String[]::new))
                .param("keys", entries.stream().map(NewEntry::key).toArray(String[]::new)).param("now", Timestamp.from(now)).update();
    }

    /** The insert of postings from arrays, one element per posting. */
    private static final String POSTINGS = """
            insert into ledger.posting (id, entry_id, account_id, seller_id, amount_minor, currency, fx_rate, created_at)
            select cast(u.id as uuid), cast(u.entry as uuid), cast(u.account as uuid), cast(nullif(u.seller, '') as uuid), u.amount, u.currency,
                   cast(nullif(u.rate, '') as numeric), :now
            from unnest(cast(:ids as text[]), cast(:entries as text[]), cast(:accounts as text[]), cast(:sellers as text[]), cast(:amounts as bigint[]),
                        cast(:currencies as text[]), cast(:rates as text[])) as u (id, entry, account, seller, amount, currency, rate)
            """;

    /** The statement {@code sql} (which inserts postings as {@link #POSTINGS} does) with the entries' postings as its arrays. */
    private JdbcClient.StatementSpec postings(List<NewEntry> entries, java.util.function.Supplier<UUID> newIds, Instant now, String sql) {
        List<String> ids = new java.util.ArrayList<>();
        List<String> entryIds = new java.util.ArrayList<>();
        List<String> accounts = new java.util.ArrayList<>();
        List<String> sellers = new java.util.ArrayList<>();
        List<Long> amounts = new java.util.ArrayList<>();
        List<String> currencies = new java.util.ArrayList<>();
        List<String> rates = new java.util.ArrayList<>();
        for (NewEntry e : entries) {
            for (StoredPosting p : e.postings()) {
                ids.add(newIds.get().toString());
                entryIds.add(e.id().toString());
                accounts.add(p.account().toString());
                sellers.add(p.sellerId() == null ? "" : p.sellerId().toString());
                amounts.add(p.amountMinor());
                currencies.add(p.currency());
                rates.add(p.fxRate() == null ? "" : p.fxRate().toPlainString());
            }
        }
        return jdbc.sql(sql).param("ids", ids.toArray(String[]::new)).param("entries", entryIds.toArray(String[]::new))
                .param("accounts", accounts.toArray(String[]::new)).param("sellers", sellers.toArray(String[]::new))
                .param("amounts", amounts.stream().mapToLong(Long::longValue).toArray()).param("currencies", currencies.toArray(String[]::new))
                .param("rates", rates.toArray(String[]::new)).param("now", Timestamp.from(now));
    }

    public Optional<UUID> find(AccountRef ref) {
        return jdbc.sql("""
                select id from ledger.account where owner_type = :owner and owner_ref = :ref and kind = :kind and currency = :currency
                """)
                .param("owner", ref.ownerType().key()).param("ref", ref.ownerRef()).param("kind", ref.kind().key())
                .param("currency", ref.currency().code()).query(UUID.class).optional();
    }

    public Optional<UUID> entryByKey(String key) {
        return jdbc.sql("select id from ledger.journal_entry where idempotency_key = :key").param("key", key).query(UUID.class).optional();
    }

    /** What an entry contains, in a canonical form, to compare a retried post with the first one. */
    public String fingerprint(UUID entry) {
        return jdbc.sql("""
                select e.source_type || '|' || e.source_id || '|' || string_agg(p.account_id || ':' || p.amount_minor, ',' order by p.account_id, p.amount_minor)
                from ledger.journal_entry e join ledger.posting p on p.entry_id = e.id where e.id = :entry
                group by e.source_type, e.source_id
                """).param("entry", entry).query(String.class).single();
    }

    /** A posting as stored: account, the account's seller, signed amount and currency. */
    public record StoredPosting(UUID account, @Nullable UUID sellerId, long amountMinor, String currency, java.math.@Nullable BigDecimal fxRate) {

        public StoredPosting reversed() {
            return new StoredPosting(account, sellerId, -amountMinor, currency, fxRate);
        }
    }

    public void lock(UUID account) {
        // An advisory lock: the app role has no UPDATE right on accounts, and needs none to serialize.
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended(cast(:id as text), 0))").param("id", account).query((rs, n) -> 1).single();
    }

    public long balance(UUID account) {
        return jdbc.sql("select coalesce(sum(amount_minor), 0) from ledger.posting where account_id = :account")
                .param("account", account).query(Long.class).single();
    }

    /** The postings of an entry, for a reversal. */
    public List<StoredPosting> postingsOf(UUID entry) {
        return jdbc.sql("select account_id, seller_id, amount_minor, currency, fx_rate from ledger.posting where entry_id = :entry")
                .param("entry", entry)
                .query((rs, n) -> new StoredPosting(rs.getObject("account_id", UUID.class), rs.getObject("seller_id", UUID.class),
                        rs.getLong("amount_minor"), rs.getString("currency"), rs.getBigDecimal("fx_rate")))
                .list();
    }

    /** Invariant violations: unbalanced entries per currency, postings whose currency differs from the account's. */
    public List<String> violations() {
        List<String> problems = new java.util.ArrayList<>(jdbc.sql("""
                select 'entry ' || entry_id || ' does not balance in ' || currency || ' by ' || sum(amount_minor)
                from ledger.posting group by entry_id, currency having sum(amount_minor) <> 0
                """).query(String.class).list());
        problems.addAll(jdbc.sql("""
                select 'posting ' || p.id || ' is in ' || p.currency || ' but its account is kept in ' || a.currency
                from ledger.posting p join ledger.account a on a.id = p.account_id where p.currency <> a.currency
                """).query(String.class).list());
        problems.addAll(jdbc.sql("""
                select 'seller account ' || a.id || ' (' || a.kind || ', ' || a.currency || ') is below zero by ' || -sum(p.amount_minor)
                from ledger.account a join ledger.posting p on p.account_id = a.id
                where a.owner_type = 'seller' and a.kind = 'payable_available'
                group by a.id, a.kind, a.currency having sum(p.amount_minor) > 0
                """).query(String.class).list());
        problems.addAll(jdbc.sql("""
                select 'entry ' || e.id || ' has fewer than two postings'
                from ledger.journal_entry e left join ledger.posting p on p.entry_id = e.id group by e.id having count(p.id) < 2
                """).query(String.class).list());
        return problems;
    }

    public record AccountSum(String kind, String currency, long sum) {
    }

    public List<AccountSum> sellerBalances(UUID seller) {
        return jdbc.sql("""
                select a.kind, a.currency, coalesce(sum(p.amount_minor), 0) as total
                from ledger.account a left join ledger.posting p on p.account_id = a.id
                where a.seller_id = :seller group by a.kind, a.currency order by a.currency, a.kind
                """).param("seller", seller).query((rs, n) -> new AccountSum(rs.getString("kind"), rs.getString("currency"), rs.getLong("total")))
                .list();
    }

    public long entries() {
        return jdbc.sql("select count(*) from ledger.journal_entry").query(Long.class).single();
    }
}
