package io.entrepot.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The platform's and PostgreSQL's CPU second by second, measured beside a benchmark: a thread reads {@link CpuUse}
 * once a second and keeps each reading with its {@link System#nanoTime()}. Divided by the orders that finished in
 * a slow second, it tells a machine that did less with the same CPU (the milliseconds per order rise: a slower
 * machine, or work the orders did not need, such as a vacuum) from a platform that waited (CPU and orders fall
 * together: locks, the disk, a paused machine). Reading {@code /proc} costs a few milliseconds of CPU a second.
 */
final class CpuMeter {

    private record Reading(long at, CpuUse.Ticks ticks) {
    }

    private final List<Reading> readings = new ArrayList<>();

    CpuMeter() {
        // a daemon: it ends with the benchmark
        Thread.ofPlatform().daemon().name("cpu-meter").start(this::run);
    }

    private void run() {
        while (true) {
            var ticks = CpuUse.now();
            if (!ticks.known()) {
                return;
            }
            synchronized (readings) {
                readings.add(new Reading(System.nanoTime(), ticks));
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * The CPU per order between the last reading at or before {@code from} and the first at or after {@code to}, with
     * {@code finished} counting the orders that finished between two instants; empty without such readings.
     */
    String perOrder(long from, long to, java.util.function.LongBinaryOperator finished) {
        Reading first = null;
        Reading last = null;
        synchronized (readings) {
            for (Reading r : readings) {
                if (r.at() <= from) {
                    first = r;
                }
                if (r.at() >= to && last == null) {
                    last = r;
                }
            }
        }
        if (first == null || last == null) {
            return "";
        }
        long orders = finished.applyAsLong(first.at(), last.at());
        if (orders == 0) {
            return String.format(Locale.ROOT, "no order finished in the %.1f s around it", (last.at() - first.at()) / 1e9);
        }
        return String.format(Locale.ROOT, "in the %.1f s around it %d orders finished, %s", (last.at() - first.at()) / 1e9, orders,
                last.ticks().perOrder(first.ticks(), orders));
    }
}
