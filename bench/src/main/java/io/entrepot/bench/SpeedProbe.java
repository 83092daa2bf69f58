package io.entrepot.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * How fast the machine's processor runs, measured beside a benchmark: four times a second a fixed piece of
 * work (a chain of shifts, multiplications and unpredictable branches over a table that fits the core's
 * first-level cache — the kind of work an interpreter or a query executor does) is timed in the thread's own
 * CPU time, so that waiting for a core does not count — only how long the core took to do it. On a virtual
 * machine that shares its host, that time changes with the neighbours: on the machine of docs/benchmarks.md
 * a loop of this kind took from ~1.1 ms to ~1.8 ms within minutes while the benchmark's own load stayed the
 * same, and the CPU an order cost moved with it. (A walk through a 4 MB table in random order did not see
 * those changes: it waits on memory, which did not slow down.) A benchmark compares the median of the probes
 * taken while it measured one thing with the median while it measured another, to tell a slower platform
 * from a slower machine. Each probe takes about a millisecond (under 1% of a core).
 *
 * <p>Each probe also times a walk of 3,000 dependent steps through a 64 MB table in random order (one cycle through
 * all of it), larger than the last-level cache of the machines in docs/benchmarks.md: almost every step waits for
 * main memory, so it tells a machine whose memory slowed down (a neighbour on the host using its bandwidth) from one
 * whose cores did, which the first loop sees and this one barely does. About another millisecond and a half (~0.5 µs a step on the
 * virtual machines there: each step misses the caches and the address translation), so both together take ~1% of a core.
 */
final class SpeedProbe {

    private static final int TABLE = 1 << 13;
    private static final int STEPS = 200_000;
    private static final int CHAIN = 1 << 24;
    private static final int CHAIN_STEPS = 3_000;

    private final int[] table = new int[TABLE];
    /** A single cycle through all its entries (Sattolo's shuffle), so a walk never settles in a small loop. */
    private final int[] chain = new int[CHAIN];
    private final List<long[]> samples = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    /** Where each probe's result goes, so that the compiler cannot leave the work out. */
    private volatile long sink;

    SpeedProbe() {
        var random = new SplittableRandom(42);
        for (int i = 0; i < TABLE; i++) {
            table[i] = random.nextInt();
        }
        for (int i = 0; i < CHAIN; i++) {
            chain[i] = i;
        }
        for (int i = CHAIN - 1; i > 0; i--) {
            int j = random.nextInt(i);
            int swap = chain[i];
            chain[i] = chain[j];
            chain[j] = swap;
        }
        // a daemon: it ends with the benchmark
        Thread.ofPlatform().daemon().name("speed-probe").start(this::run);
    }

    private void run() {
        long x = 0x9E3779B97F4A7C15L;
        while (true) {
            long cpu = threads.getCurrentThreadCpuTime();
            long sum = 0;
            for (int i = 0; i < STEPS; i++) {
                x ^= x << 13;
                x ^= x >>> 7;
                x ^= x << 17;
                int k = (int) x & (TABLE - 1);
                if ((x & 3) == 0) {
                    sum ^= table[k] * 31L;
                } else {
                    sum += table[k];
                }
            }
            long took = threads.getCurrentThreadCpuTime() - cpu;
            cpu = threads.getCurrentThreadCpuTime();
            int at = (int) sum & (CHAIN - 1);
            for (int i = 0; i < CHAIN_STEPS; i++) {
                at = chain[at];
            }
            long walked = threads.getCurrentThreadCpuTime() - cpu;
            sink = sum + at;
            synchronized (samples) {
                samples.add(new long[] {System.nanoTime(), took, walked});
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** The median time of the probes taken between two {@link System#nanoTime()} instants, in milliseconds; NaN if none. */
    double medianMillis(long from, long to) {
        return median(from, to, 1);
    }

    /** The same for the walks through memory. */
    double memoryMedianMillis(long from, long to) {
        return median(from, to, 2);
    }

    private double median(long from, long to, int field) {
        List<Long> took = new ArrayList<>();
        synchronized (samples) {
            for (long[] s : samples) {
                if (s[0] >= from && s[0] <= to) {
                    took.add(s[field]);
                }
            }
        }
        return CheckoutBenchmark.percentile(took, 50);
    }
}
