package io.entrepot.shared;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per-node snapshots of reference data that changes rarely (markets, trade rules, rates of the day), read
 * at most once per {@code maxAge} per key instead of on every request. A change made on this node drops
 * the key at once and again after its transaction commits; other nodes see it within {@code maxAge}.
 */
public final class Snapshots<K, V> {

    private record Entry<V>(V value, long readAtNanos) {
    }

    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final long maxAgeNanos;

    public Snapshots(Duration maxAge) {
        this.maxAgeNanos = maxAge.toNanos();
    }

    public V get(K key, Function<K, V> read) {
        Entry<V> entry = entries.get(key);
        long now = System.nanoTime();
        if (entry == null || now - entry.readAtNanos() > maxAgeNanos) {
            entry = new Entry<>(read.apply(key), now);
            entries.put(key, entry);
        }
        return entry.value();
    }

    /** Forgets everything now and, inside a transaction, once more after it commits. */
    public void invalidate() {
        entries.clear();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    entries.clear();
                }
            });
        }
    }
}
