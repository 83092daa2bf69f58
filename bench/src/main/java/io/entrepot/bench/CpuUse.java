package io.entrepot.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's CPU went during a measurement: the platform's JVM, the PostgreSQL processes and the
 * benchmark itself, from {@code /proc} (Linux; elsewhere nothing is printed). On this machine the load
 * generator shares the two cores with what it measures, so what it costs is shown beside the figures.
 */
final class CpuUse {

    /** Linux reports process times in clock ticks of 1/100 s (USER_HZ, 100 on the usual kernels). */
    private static final double MS_PER_TICK = 10;

    /**
     * Cumulative CPU of the three parties, in clock ticks, and the machine's context switches so far (all processes);
     * all zero where {@code /proc} is not readable.
     */
    record Ticks(long platform, long postgres, long benchmark, long switches, boolean known) {

        /** Milliseconds of CPU per order of each party between {@code earlier} and this, and the machine's context switches per order. */
        String perOrder(Ticks earlier, long orders) {
            if (!known || !earlier.known || orders == 0) {
                return "";
            }
            return String.format(Locale.ROOT, "CPU per order: platform %.2f ms, PostgreSQL %.2f ms, benchmark %.2f ms; %.0f context switches per order",
                    (platform - earlier.platform) * MS_PER_TICK / orders, (postgres - earlier.postgres) * MS_PER_TICK / orders,
                    (benchmark - earlier.benchmark) * MS_PER_TICK / orders, (double) (switches - earlier.switches) / orders);
        }
    }

    private CpuUse() {
    }

    static Ticks now() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc.resolve("self"))) {
            return new Ticks(0, 0, 0, 0, false);
        }
        String self = Long.toString(ProcessHandle.current().pid());
        long platform = 0;
        long postgres = 0;
        long benchmark = 0;
        try (var processes = Files.newDirectoryStream(proc, "[0-9]*")) {
            for (Path process : processes) {
                String pid = process.getFileName().toString();
                try {
                    if (pid.equals(self)) {
                        benchmark += ticks(process, false);
                    } else if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                        postgres += ticks(process, true);
                    } else if (Files.readString(process.resolve("cmdline")).contains("entrepot-app.jar")) {
                        platform += ticks(process, false);
                    }
                } catch (IOException e) {
                    // the process ended meanwhile
                }
            }
            return new Ticks(platform, postgres, benchmark, contextSwitches(proc), true);
        } catch (IOException e) {
            return new Ticks(0, 0, 0, 0, false);
        }
    }

    /**
     * The machine's context switches since it started ({@code /proc/stat}'s {@code ctxt}): per order, they rise when
     * more processes and threads take turns on the cores for the same work (waiting on each other's locks, or more
     * of them runnable than there are cores).
     */
    private static long contextSwitches(Path proc) throws IOException {
        return Files.readAllLines(proc.resolve("stat")).stream().filter(line -> line.startsWith("ctxt ")).mapToLong(line -> Long.parseLong(line.substring(5).strip()))
                .findFirst().orElse(0);
    }

    /**
     * User and system time of a process ({@code /proc/PID/stat} fields 14 and 15, after the command's closing
     * parenthesis), and with {@code endedChildren} that of its children that ended and were waited for (fields 16
     * and 17). PostgreSQL's autovacuum workers end after each visit: counted only while they run, their CPU would
     * leave the sum when they end, and a worker running when a measurement starts would be taken off it.
     */
    private static long ticks(Path process, boolean endedChildren) throws IOException {
        String stat = Files.readString(process.resolve("stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long own = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return endedChildren ? own + Long.parseLong(fields[13]) + Long.parseLong(fields[14]) : own;
    }
}
