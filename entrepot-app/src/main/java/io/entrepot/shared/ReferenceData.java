package io.entrepot.shared;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per-node copies of reference data — markets, trade rules, lanes and their rates, sellers' profiles and
 * warehouses — that are never staler than the database (decision 0022).
 *
 * <p>Every change to one of those tables raises a generation number in the same transaction (a statement
 * trigger, migration V42). A transaction that wants copies reads the generation first and declares it
 * with {@link #observe} (a transaction named {@link #OBSERVING_TRANSACTION} does so as it begins); a copy
 * is used only when it was read at that generation or a later one, and is read again otherwise. So a
 * transaction sees every change committed before it began using copies — a paused market takes no order
 * from the next transaction on, on every node. Transactions that did not observe a generation (pages,
 * reports, everything but checkout today) read the tables as before.
 *
 * <p>Only the platform's own ({@link Actor.System}) transactions may observe: the copies are shared by
 * every transaction of the node, and row-level security must never let one actor's reads serve another.
 */
@Component
public class ReferenceData {

    /**
     * The name ({@code TransactionDefinition#getName}) of a transaction that observes the generation from its
     * first statement on: the transaction manager reads it with the actor's settings and declares it. Such a
     * transaction also has its statements planned once per connection ({@code plan_cache_mode =
     * force_generic_plan}): the transactions that want copies are checkout's, which read and write by key only,
     * so a plan made without the parameters' values is as good as one made with them — but for a statement with
     * an array parameter (a cart's offers, an order's seller orders) the planner always expects a made-to-measure
     * plan to be cheaper and makes one at every call, a millisecond and more for the joins of a cart.
     */
    public static final String OBSERVING_TRANSACTION = "entrepot.observes-reference-data";

    private static final Object GENERATION = new Object();

    private final Map<String, Copies<?, ?>> copies = new ConcurrentHashMap<>();

    /**
     * Declares the generation the current transaction read; from now on its reads of reference data may be
     * served from copies at least that fresh, until the transaction ends.
     */
    public void observe(long generation) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("a reference generation can only be observed inside a transaction");
        }
        requireMayObserve();
        if (TransactionSynchronizationManager.unbindResourceIfPossible(GENERATION) == null) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(GENERATION);
                }
            });
        }
        TransactionSynchronizationManager.bindResource(GENERATION, generation);
    }

    /** Refuses the current actor unless it may observe a generation: only the platform's own may. */
    public static void requireMayObserve() {
        if (!(ActorContext.current() instanceof Actor.System)) {
            throw new IllegalStateException("only the platform's own transactions use copies of reference data");
        }
    }

    /** The generation the current transaction observed, if it did. */
    public OptionalLong observed() {
        return TransactionSynchronizationManager.getResource(GENERATION) instanceof Long generation ? OptionalLong.of(generation)
                : OptionalLong.empty();
    }

    /** The copies of one kind of reference data, by key; at most {@code limit} are kept (all are dropped beyond it). */
    @SuppressWarnings("unchecked")
    public <K, V> Copies<K, V> copies(String name, int limit) {
        return (Copies<K, V>) copies.computeIfAbsent(name, n -> new Copies<>(this, limit));
    }

    /** Copies of one kind of reference data. Values are immutable; an absent row is a value too (an empty Optional). */
    public static final class Copies<K, V> {

        private record Copy<V>(long generation, V value) {
        }

        private final ReferenceData owner;
        private final int limit;
        private final Map<K, Copy<V>> byKey = new ConcurrentHashMap<>();

        private Copies(ReferenceData owner, int limit) {
            this.owner = owner;
            this.limit = limit;
        }

        /** The value for a key: a copy when the transaction observed a generation and the copy is that fresh, else read. */
        public V get(K key, Function<K, V> read) {
            OptionalLong observed = owner.observed();
            if (observed.isEmpty()) {
                return read.apply(key);
            }
            Copy<V> copy = fresh(key, observed.getAsLong());
            if (copy != null) {
                return copy.value();
            }
            V value = read.apply(key);
            keep(key, new Copy<>(observed.getAsLong(), value));
            return value;
        }

        /**
         * The values for several keys, the missing or outdated ones read with one call; keys the read does not
         * answer get {@code absent}.
         */
        public Map<K, V> getAll(Collection<K> keys, Function<Collection<K>, Map<K, V>> read, V absent) {
            OptionalLong observed = owner.observed();
            if (observed.isEmpty()) {
                return read.apply(keys);
            }
            long generation = observed.getAsLong();
            Map<K, V> found = new LinkedHashMap<>();
            java.util.List<K> missing = new java.util.ArrayList<>();
            for (K key : keys) {
                Copy<V> copy = fresh(key, generation);
                if (copy != null) {
                    found.put(key, copy.value());
                } else if (!missing.contains(key)) {
                    missing.add(key);
                }
            }
            if (!missing.isEmpty()) {
                Map<K, V> read1 = read.apply(missing);
                for (K key : missing) {
                    V value = read1.getOrDefault(key, absent);
                    keep(key, new Copy<>(generation, value));
                    found.put(key, value);
                }
            }
            return found;
        }

        /** The copy of a key when it is at least as fresh as the generation, else null. */
        private @org.jspecify.annotations.Nullable Copy<V> fresh(K key, long generation) {
            Copy<V> copy = byKey.get(key);
            return copy != null && copy.generation() >= generation ? copy : null;
        }

        private void keep(K key, Copy<V> copy) {
            if (byKey.size() >= limit) {
                byKey.clear();
            }
            // A copy read at a lower generation never replaces a fresher one another transaction made meanwhile.
            byKey.merge(key, copy, (old, fresh) -> fresh.generation() >= old.generation() ? fresh : old);
        }
    }
}
