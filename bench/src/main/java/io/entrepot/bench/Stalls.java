package io.entrepot.bench;

import java.util.ArrayList;
import java.util.List;

/**
 * When the benchmark's own process could not run, measured beside a benchmark: a thread sleeps 5 ms at a time and
 * notes each wake-up that came more than {@link #NOTED} late, with how late. A sleeping thread that wakes is given a
 * core within a few milliseconds even when both cores are busy (the scheduler favours threads that slept), so a
 * wake-up hundreds of milliseconds late means the whole process stood still: the virtual machine paused by its host,
 * or this JVM stopped for its own collector. The platform being slow does not delay it, so a slow second of an open
 * loop that lines up with a stall was the machine's or the load generator's, and one without was not. Costs ~200
 * wake-ups a second, well under 1% of a core.
 */
final class Stalls {

    private static final long PERIOD_NANOS = 5_000_000;
    /** Wake-ups later than this are noted (the scheduler's own delays under load stay below it). */
    private static final long NOTED = 20_000_000;

    /** Each noted stall as {nanoTime it ended, how long it lasted beyond the sleep}. */
    private final List<long[]> stalls = new ArrayList<>();

    Stalls() {
        // a daemon: it ends with the benchmark
        Thread.ofPlatform().daemon().name("stall-meter").start(this::run);
    }

    private void run() {
        while (true) {
            long before = System.nanoTime();
            try {
                Thread.sleep(PERIOD_NANOS / 1_000_000);
            } catch (InterruptedException e) {
                return;
            }
            long after = System.nanoTime();
            long late = after - before - PERIOD_NANOS;
            if (late > NOTED) {
                synchronized (stalls) {
                    stalls.add(new long[] {after, late});
                }
            }
        }
    }

    /** The longest stall that overlapped the {@link System#nanoTime()} interval [from, to], in milliseconds (0 if none). */
    double longestMillis(long from, long to) {
        long longest = 0;
        synchronized (stalls) {
            for (long[] s : stalls) {
                if (s[0] >= from && s[0] - s[1] <= to) {
                    longest = Math.max(longest, s[1]);
                }
            }
        }
        return longest / 1e6;
    }

    /** How much of [from, to] the noted stalls took, in milliseconds. */
    double totalMillis(long from, long to) {
        long total = 0;
        synchronized (stalls) {
            for (long[] s : stalls) {
                total += Math.max(0, Math.min(s[0], to) - Math.max(s[0] - s[1], from));
            }
        }
        return total / 1e6;
    }
}
