package io.entrepot.ledger;

import io.entrepot.ledger.internal.LedgerStore;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger module's API. Posting is idempotent by key: the same entry again returns the first one's
 * id, a different entry under the same key is a conflict. Posted entries are never changed; a
 * correction is a reversal entry linked to the original.
 */
@Service
@Transactional(readOnly = true)
public class Ledger {

    private final LedgerStore store;
    private final Clock clock;

    Ledger(LedgerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    @Transactional(readOnly = false)
    public UUID post(JournalEntry entry) {
        return post(entry, null);
    }

    private UUID post(JournalEntry entry, @org.jspecify.annotations.Nullable UUID reverses) {
        Instant now = clock.instant();
        java.util.Map<AccountRef, UUID> ids = store.accounts(entry.postings().stream().map(Posting::account).distinct().toList(), () -> Ids.newId(clock), now);
        List<UUID> accounts = entry.postings().stream().map(p -> ids.get(p.account())).toList();
        UUID id = Ids.newId(clock);
        if (store.insertIfNew(new LedgerStore.NewEntry(id, entry.description(), entry.sourceType(), entry.sourceId(), entry.idempotencyKey(), reverses,
                stored(entry, accounts)), () -> Ids.newId(clock), now)) {
            return id;
        }
        UUID existing = store.entryByKey(entry.idempotencyKey()).orElseThrow();
        if (!store.fingerprint(existing).equals(fingerprint(entry, accounts))) {
            throw new ConflictException("idempotency-key-reused",
                    "idempotency key " + entry.idempotencyKey() + " was used for a different journal entry");
        }
        return existing;
    }

    private static List<LedgerStore.StoredPosting> stored(JournalEntry entry, List<UUID> accounts) {
        List<LedgerStore.StoredPosting> postings = new java.util.ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            Posting p = entry.postings().get(i);
            postings.add(new LedgerStore.StoredPosting(accounts.get(i), p.account().sellerId() == null ? null : p.account().sellerId().value(),
                    p.amount().minor(), p.amount().currency().code(), p.fxRate()));
        }
        return postings;
    }

    /**
     * Posts many entries at once, each as {@link #post(JournalEntry)} would (idempotent by key), with a
     * handful of set-based statements however many entries there are: accounts found or created
     * together, entries and postings inserted in one statement each. The entries' ids, in order.
     */
    @Transactional(readOnly = false)
    public List<UUID> postAll(List<JournalEntry> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        java.util.Map<AccountRef, UUID> accounts = store.accounts(entries.stream().flatMap(e -> e.postings().stream()).map(Posting::account)
                .distinct().toList(), () -> Ids.newId(clock), now);
        java.util.Map<String, UUID> existing = store.entriesByKey(entries.stream().map(JournalEntry::idempotencyKey).toList());
        List<UUID> ids = new java.util.ArrayList<>(entries.size());
        List<LedgerStore.NewEntry> fresh = new java.util.ArrayList<>();
        java.util.Map<String, UUID> inThisCall = new java.util.HashMap<>();
        for (JournalEntry entry : entries) {
            List<UUID> accountIds = entry.postings().stream().map(p -> accounts.get(p.account())).toList();
            UUID id = existing.get(entry.idempotencyKey());
            if (id != null && !store.fingerprint(id).equals(fingerprint(entry, accountIds))) {
                throw new ConflictException("idempotency-key-reused", "idempotency key " + entry.idempotencyKey() + " was used for a different journal entry");
            }
            if (id == null && inThisCall.containsKey(entry.idempotencyKey())) {
                throw new ConflictException("idempotency-key-reused", "idempotency key " + entry.idempotencyKey() + " is used twice in one batch");
            }
            if (id == null) {
                id = Ids.newId(clock);
                inThisCall.put(entry.idempotencyKey(), id);
                fresh.add(new LedgerStore.NewEntry(id, entry.description(), entry.sourceType(), entry.sourceId(), entry.idempotencyKey(), null,
                        stored(entry, accountIds)));
            }
            ids.add(id);
        }
        store.insertAll(fresh, () -> Ids.newId(clock), now);
        return ids;
    }

    /** Posts the mirror image of an entry, linked to it. */
    @Transactional(readOnly = false)
    public UUID reverse(UUID entryId, String idempotencyKey, String reason) {
        List<LedgerStore.StoredPosting> postings = store.postingsOf(entryId);
        if (postings.isEmpty()) {
            throw new NotFoundException("journal entry", entryId);
        }
        Instant now = clock.instant();
        Optional<UUID> existing = store.entryByKey(idempotencyKey);
        if (existing.isPresent()) {
            return existing.get();
        }
        UUID id = Ids.newId(clock);
        store.insertAll(List.of(new LedgerStore.NewEntry(id, "reversal: " + reason, "journal_entry", entryId.toString(), idempotencyKey, entryId,
                postings.stream().map(LedgerStore.StoredPosting::reversed).toList())), () -> Ids.newId(clock), now);
        return id;
    }

    /**
     * Locks an account's row until the transaction ends (creating the account if needed), so that
     * decisions on its balance (a payout, a refund from available funds) are taken one at a time.
     */
    @Transactional(readOnly = false)
    public void lock(AccountRef account) {
        store.lock(store.account(account, Ids.newId(clock), clock.instant()));
    }

    /** The fold of the account's postings, in its currency; zero for an account never posted to. */
    public Money balance(AccountRef account) {
        return new Money(store.find(account).map(store::balance).orElse(0L), account.currency());
    }

    /** What the platform owes a seller on one account: {@code pending}, {@code available} or {@code reserve}. */
    public record SellerBalance(String kind, String currency, java.math.BigDecimal amount) {
    }

    /** The seller's balances as amounts owed to it (credit balances shown positive), per kind and currency. */
    public List<SellerBalance> sellerBalances(io.entrepot.shared.SellerId seller) {
        return store.sellerBalances(seller.value()).stream()
                .map(b -> new SellerBalance(b.kind().replace("payable_", ""), b.currency(),
                        new Money(-b.sum(), io.entrepot.shared.CurrencyCode.of(b.currency())).toDecimal()))
                .toList();
    }

    /** Every invariant the ledger keeps, checked over all of it: the list of what is wrong, empty when all holds. */
    public List<String> verify() {
        return store.violations();
    }

    public long entries() {
        return store.entries();
    }

    private static String fingerprint(JournalEntry entry, List<UUID> accounts) {
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < accounts.size(); i++) {
            lines.add(accounts.get(i) + ":" + entry.postings().get(i).amount().minor());
        }
        lines.sort(null);
        return entry.sourceType() + "|" + entry.sourceId() + "|" + String.join(",", lines);
    }
}
