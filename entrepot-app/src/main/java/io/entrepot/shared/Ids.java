package io.entrepot.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Time-ordered UUIDs (version 7, RFC 9562): the first 48 bits are Unix milliseconds, so new rows land at
 * the end of B-tree indexes. Within one millisecond a counter in the random bits keeps ids increasing.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static long lastMillis = -1;
    private static long sequence;

    private Ids() {
    }

    public static UUID newId() {
        return newId(Clock.systemUTC());
    }

    public static UUID newId(Clock clock) {
        long millis;
        long seq;
        LOCK.lock();
        try {
            millis = Math.max(clock.millis(), lastMillis);
            if (millis == lastMillis) {
                sequence++;
                if (sequence > 0xFFF) {
                    millis = ++lastMillis;
                    sequence = RANDOM.nextInt(0x800);
                }
            } else {
                sequence = RANDOM.nextInt(0x800);
            }
            lastMillis = millis;
            seq = sequence;
        } finally {
            LOCK.unlock();
        }
        long msb = (millis << 16) | 0x7000L | seq;
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
