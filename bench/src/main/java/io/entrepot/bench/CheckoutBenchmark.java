package io.entrepot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checkout throughput and latency: quote + place order over HTTP (1–3 sellers per order) with
 * concurrent clients against a freshly started platform (embedded PostgreSQL, no demo data), and — as
 * the bound — a plain JDBC program doing the same inserts and updates in the same two transactions per
 * order (without HTTP, JSON, security, quote computation or the ORM-free Java layer around them).
 * Prints orders/s, p50 and p99 per client count, the ratio to the bound (of the levels' peaks, and in
 * back-to-back pairs at the peaks' client counts), and the p99 at 70% of the peak rate in several open
 * loops (paced arrivals; the peak's level measured again before and after each, the peak rate the median
 * of all its measurements), each on its own and over all of them together (decision 0035).
 * Usage (from the repository root, after {@code ./entrepot help} built the application):
 * {@code java -cp bench/target/classes:<postgresql jar> io.entrepot.bench.CheckoutBenchmark [seconds per level]}.
 */
public final class CheckoutBenchmark {

    private static final String ADMIN_KEY = Platform.ADMIN_KEY;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"");
    private static final int[] CLIENTS = Boolean.getBoolean("entrepot.bench.http-only") ? new int[] {4} : new int[] {1, 2, 4, 8, 16};

    static String base;
    private static volatile PlainHttp plainHttp;
    /**
     * An open loop judges the platform when the machine ran at least this fraction of its speed in the measurements
     * of the peak it offers 70% of (the median of those measurements' speed probes): below it the offered rate is more
     * than 70% of what the machine could do then. Fixed before the runs it judges (docs/benchmarks.md, 2026-12-01, third session).
     */
    static final double SAME_SPEED = 0.9;
    /** Issue 4's latency target at 70% of the peak: p99 at most this many milliseconds. */
    static final int TARGET_P99_MILLIS = 150;
    /**
     * Started first thing in {@link #main}, so that its first probes are taken (and compiled) before anything is
     * measured; not started when another benchmark borrows this one's helpers.
     */
    private static SpeedProbe probe;
    /** Started beside the probe: when the benchmark's own process stood still (see {@link Stalls}). */
    private static Stalls stalls;
    private static CpuMeter cpuMeter;
    static final List<List<String>> OFFERS = new ArrayList<>();
    /** The API keys of the three bench sellers, in order. */
    static final List<String> SELLER_KEYS = new ArrayList<>();
    static final List<String> SELLER_IDS = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        probe = new SpeedProbe();
        stalls = new Stalls();
        cpuMeter = new CpuMeter();
        try (var platform = Platform.start("checkout")) {
            base = platform.base();
            System.out.printf(Locale.ROOT, "Entrepot checkout benchmark: %d cores, Java %s, %d s per level%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), seconds);
            setUp();
            // The platform's JIT compiles for minutes on two cores (its compiler threads took a third of the
            // application's CPU for the first two minutes of load, measured per thread): measure it warm.
            int warmUp = Integer.getInteger("entrepot.bench.warm-up-seconds", 180);
            if (warmUp > 0) {
                var warm = closedLoop(4, warmUp, CheckoutBenchmark::httpOrder);
                System.out.printf(Locale.ROOT, "warm-up: %d s at 4 clients, %.1f orders/s (not counted)%n", warmUp, warm.perSecond());
                // The open loop sends through a thread pool, a path of the benchmark's own HTTP client that the closed loop
                // does not take: started cold, the benchmark's compiler spent up to half a core for ~10 s recompiling the
                // HTTP client (a flight recording of the benchmark) and the platform's first seconds at 70% queued behind it.
                var paced = openLoop(warm.perSecond() * 0.5, 0, 20, 16);
                System.out.printf(Locale.ROOT, "warm-up of the open loop: 20 s at %.1f orders/s, p99 %.1f ms (not counted)%n",
                        warm.perSecond() * 0.5, paced.p99());
            }
            boolean httpOnly = Boolean.getBoolean("entrepot.bench.http-only");
            // HTTP and the bound take turns at each client count, so that both peaks come from the same minutes: run one
            // after the other (the bound some eight minutes after the HTTP levels), the ratio of two runs of the same build
            // went from 0.41 to 0.57 with the virtual machine's speed (the 1-client HTTP level alone measured 88–114 orders/s).
            System.out.println("HTTP: quote + order per iteration, 1–3 sellers per order" + (httpOnly ? ""
                    : "; JDBC bound: the same rows written in the same two transactions per order; in turns"));
            double peak = 0;
            Result peakLevel = null;
            int peakClients = CLIENTS[0];
            double bound = 0;
            int boundClients = CLIENTS[0];
            // every measurement of the peak's level in this run: the level itself, the pairs' HTTP halves, those around the open loops
            List<Result> peakRuns = new ArrayList<>();
            try (var jdbc = httpOnly ? null : new JdbcBound(platform)) {
                for (int clients : CLIENTS) {
                    var result = closedLoop(clients, seconds, CheckoutBenchmark::httpOrder);
                    if (result.perSecond() > peak) {
                        peak = result.perSecond();
                        peakLevel = result;
                        peakClients = clients;
                    }
                    print("http", clients, result);
                    if (jdbc != null) {
                        var plain = closedLoop(clients, seconds, jdbc::order);
                        if (plain.perSecond() > bound) {
                            bound = plain.perSecond();
                            boundClients = clients;
                        }
                        print("jdbc", clients, plain);
                    }
                }
                peakRuns.add(peakLevel);
                if (jdbc != null) {
                    peakRuns.addAll(pairedRatios(jdbc, seconds, peakClients, boundClients));
                }
            }
            printServerTimes();
            if (httpOnly) {
                return;
            }
            System.out.printf(Locale.ROOT, "peak http %.1f orders/s, bound %.1f orders/s: ratio of the levels' peaks %.2f (target ≥ 0.5)%n",
                    peak, bound, peak / bound);
            // The latency target is for a steady 70% of the peak: first let the platform work off what the 16-client level
            // left queued (the provider's webhooks, events after commit), then measure long enough that every periodic job
            // (webhook turns each second, hold expiry every 10 s, provider-call recovery every 15 s, fund release each minute)
            // runs within the measurement; the arrivals' first ten seconds are not counted (see openLoop).
            //
            // The peak's level is measured again right before and right after each open loop, and the rate offered is 70% of
            // the median of all its measurements so far (decision 0024). The same closed loop on the same build swings by a
            // fifth and more between neighbouring half-minutes on this virtual machine with no trend over ten minutes (133–175
            // orders/s at 4 clients), so the best of several windows is the top of that noise, not what the platform sustains:
            // 70% of it was ~77% of what the machine sustained, and every slower minute then became a queue. The best window is printed
            // beside the median, and every open loop is reported (all of them, none left out), so that they say how often
            // the target holds on this machine rather than what one minute of it did.
            int settle = Integer.getInteger("entrepot.bench.settle-seconds", 10);
            int openSeconds = Integer.getInteger("entrepot.bench.open-loop-seconds", Math.max(seconds, 60));
            int leadIn = Integer.getInteger("entrepot.bench.lead-in-seconds", 10);
            // Seven loops, so that a run at 15 s per level measures after the database's first timed checkpoint (15 minutes after
            // the server starts; from then on the checkpointer writes, pages get their first full-page image and the floored
            // vacuums come) as well as before it: with three loops a run ended before it, and the state it measured was only the
            // first quarter of an hour of a platform's life.
            int windows = Integer.getInteger("entrepot.bench.open-loops", 7);
            List<String> summary = new ArrayList<>();
            // every open loop's counted latencies, for the p99 over the whole time at 70% of the peak (decision 0035)
            List<Long> counted = new ArrayList<>();
            int loopsOver = 0;
            Thread.sleep(settle * 1000L);
            var before = closedLoop(peakClients, seconds, CheckoutBenchmark::httpOrder);
            print("http", peakClients, before, "again, before open loop 1");
            peakRuns.add(before);
            for (int w = 1; w <= windows; w++) {
                Thread.sleep(settle * 1000L);
                double sustained = median(peakRuns.stream().map(Result::perSecond).toList());
                double best = peakRuns.stream().mapToDouble(Result::perSecond).max().orElseThrow();
                double offered = sustained * 0.7;
                System.out.printf(Locale.ROOT, "the peak's level (%d clients) measured %d times: %s orders/s; median %.1f, best %.1f;"
                        + " open loop %d offers 70%% of the median (%.0f%% of the best)%n", peakClients, peakRuns.size(),
                        String.join(", ", peakRuns.stream().map(r -> String.format(Locale.ROOT, "%.1f", r.perSecond())).toList()), sustained, best, w,
                        offered / best * 100);
                long collected = collectorMillis();
                var paced = openLoop(offered, leadIn, openSeconds, 16);
                long collectorPaused = collectorMillis() - collected;
                // The machine's speed during the open loop against its speed while it measured the rate offered 70% of.
                double speed = median(peakRuns.stream().map(Result::probe).toList()) / paced.probe();
                double memorySpeed = median(peakRuns.stream().map(Result::memoryProbe).toList()) / paced.memoryProbe();
                System.out.printf(Locale.ROOT, "open loop %d at 70%% of peak (%.1f orders/s offered for %d s): %.1f orders/s, p50 %.1f ms, p99 %.1f ms,"
                        + " max %.1f ms; probe %.2f ms, the machine at %.0f%% of its speed in the measurements of that peak (memory %.2f ms, at %.0f%%)%s%n", w,
                        offered, openSeconds, paced.perSecond(), paced.p50(), paced.p99(), paced.pct(100), paced.probe(), speed * 100, paced.memoryProbe(),
                        memorySpeed * 100, paced.cpu().isEmpty() ? "" : "; " + paced.cpu());
                System.out.printf(Locale.ROOT, "  the benchmark's own process stood still %.0f ms in all during the loop (longest %.0f ms; a sleeping thread woken"
                        + " over 20 ms late), its collector paused %d ms (the lead-in too)%n", stalls.totalMillis(paced.from(), paced.to()),
                        stalls.longestMillis(paced.from(), paced.to()), collectorPaused);
                paced.printSlowestSeconds();
                var after = closedLoop(peakClients, seconds, CheckoutBenchmark::httpOrder);
                print("http", peakClients, after, "again, after open loop " + w);
                peakRuns.add(after);
                summary.add(String.format(Locale.ROOT, "%d: %.1f/s offered (%.0f%% of the best window), p99 %.1f ms, machine at %.0f%% (peak's level %.1f before,"
                        + " %.1f after) — %s", w, offered, offered / best * 100, paced.p99(), speed * 100, before.perSecond(), after.perSecond(), speed >= SAME_SPEED
                                ? (paced.p99() <= TARGET_P99_MILLIS ? "met" : "NOT met")
                                : "the machine slower than when the peak was measured: 70% of that peak is more than 70% of what it could do"));
                before = after;
                counted.addAll(paced.latencies());
                loopsOver += paced.p99() > TARGET_P99_MILLIS ? 1 : 0;
            }
            System.out.printf(Locale.ROOT, "p99 at 70%% of peak (target ≤ %d ms), open loop %s%n", TARGET_P99_MILLIS, String.join("; ", summary));
            if (windows > 0) {
                double p99 = percentile(counted, 99);
                System.out.printf(Locale.ROOT, "p99 at 70%% of peak over all %d open loops (%d counted orders in %d s, the lead-ins left out, no loop left out):"
                        + " p50 %.1f ms, p99 %.1f ms, p99.9 %.1f ms — %s (target ≤ %d ms); loops whose own p99 was over it: %d of %d%n", windows,
                        counted.size(), windows * openSeconds, percentile(counted, 50), p99, percentile(counted, 99.9), p99 <= TARGET_P99_MILLIS ? "met" : "NOT met",
                        TARGET_P99_MILLIS, loopsOver, windows);
            }
        }
    }

    /**
     * The ratio measured in pairs: HTTP at its peak's client count, then the bound at its own, back to back,
     * several times; each pair's ratio and their median. The levels' peaks come from different minutes, and on
     * this virtual machine a minute can be a quarter slower than the next: the ratio of the levels' peaks of
     * runs of the same build went from 0.47 to 0.60. Neighbouring measurements share the machine's speed.
     */
    private static List<Result> pairedRatios(JdbcBound jdbc, int seconds, int httpClients, int boundClients) throws Exception {
        int pairs = Integer.getInteger("entrepot.bench.ratio-pairs", 4);
        List<Double> ratios = new ArrayList<>();
        List<Result> httpHalves = new ArrayList<>();
        for (int i = 1; i <= pairs; i++) {
            var http = closedLoop(httpClients, seconds, CheckoutBenchmark::httpOrder);
            var plain = closedLoop(boundClients, seconds, jdbc::order);
            httpHalves.add(http);
            double ratio = http.perSecond() / plain.perSecond();
            ratios.add(ratio);
            System.out.printf(Locale.ROOT, "pair %d: http %2d clients %7.1f orders/s, jdbc %2d clients %7.1f orders/s, ratio %.2f%n", i, httpClients,
                    http.perSecond(), boundClients, plain.perSecond(), ratio);
        }
        System.out.printf(Locale.ROOT, "ratio in pairs: median %.2f, lowest %.2f, highest %.2f (target ≥ 0.5)%n", median(ratios),
                Collections.min(ratios), Collections.max(ratios));
        return httpHalves;
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.size() % 2 == 1 ? sorted.get(sorted.size() / 2) : (sorted.get(sorted.size() / 2 - 1) + sorted.get(sorted.size() / 2)) / 2;
    }

    /**
     * A finished iteration: when it was due (nanoTime), how long it took from then, and how late the benchmark sent
     * it (a slow second with a large lag is the benchmark's own doing, not the platform's).
     */
    record Timed(long due, long latency, long lag) {
    }

    /**
     * A measurement; {@code from} and {@code to} are its {@link System#nanoTime()} bounds (for the speed probe), {@code cpu}
     * the CPU per order of the platform, PostgreSQL and the benchmark ({@link CpuUse}; empty where it cannot be read).
     * An open loop's {@code timeline} holds its counted arrivals, {@code leadIn} those of its lead-in (they finish in its
     * first seconds too).
     */
    record Result(long orders, long from, long to, List<Long> latencies, List<Timed> timeline, List<Timed> leadIn, String cpu) {

        double seconds() {
            return (to - from) / 1e9;
        }

        /** The median of the speed probes taken during this measurement, in ms of CPU (larger: a slower machine). */
        double probe() {
            return probe == null ? Double.NaN : probe.medianMillis(from, to);
        }

        /** The median of the probes' walks through memory during this measurement, in ms of CPU. */
        double memoryProbe() {
            return probe == null ? Double.NaN : probe.memoryMedianMillis(from, to);
        }

        /** The five seconds of the run whose iterations took longest at their worst, to tell bursts from a slow steady state. */
        void printSlowestSeconds() {
            if (timeline.isEmpty()) {
                return;
            }
            long start = timeline.stream().mapToLong(Timed::due).min().orElseThrow();
            var bySecond = new java.util.TreeMap<Long, List<Timed>>();
            timeline.forEach(t -> bySecond.computeIfAbsent((t.due() - start) / 1_000_000_000L, k -> new ArrayList<>()).add(t));
            for (var second : bySecond.entrySet().stream().sorted(Comparator.comparingLong((Map.Entry<Long, List<Timed>> e) -> worst(e.getValue()))
                    .reversed()).limit(5).toList()) {
                List<Long> latencies = second.getValue().stream().map(Timed::latency).toList();
                // from the second's first arrival to the end of its slowest iteration
                long from = start + second.getKey() * 1_000_000_000L;
                long to = second.getValue().stream().mapToLong(t -> t.due() + t.latency()).max().orElseThrow();
                System.out.printf(Locale.ROOT, "  second %3d: %d iterations, worst %.1f ms, median %.1f ms, sent late by %.1f ms at the median%s%n",
                        second.getKey(), latencies.size(), worst(second.getValue()) / 1e6, percentile(latencies, 50),
                        percentile(second.getValue().stream().map(Timed::lag).toList(), 50),
                        stalls == null ? "" : String.format(Locale.ROOT, "; the benchmark stood still for up to %.0f ms", stalls.longestMillis(from, to)));
                String cpu = cpuMeter == null ? "" : cpuMeter.perOrder(from, to, (a, b) -> java.util.stream.Stream.concat(leadIn.stream(), timeline.stream())
                        .filter(t -> t.due() + t.latency() >= a && t.due() + t.latency() < b).count());
                if (!cpu.isEmpty()) {
                    // the probes of the second before and after it too: four a second are few for one second
                    String probes = probe == null ? "" : String.format(Locale.ROOT, "; probes %.2f ms, memory %.2f ms",
                            probe.medianMillis(from - 1_000_000_000L, to + 1_000_000_000L), probe.memoryMedianMillis(from - 1_000_000_000L, to + 1_000_000_000L));
                    System.out.printf(Locale.ROOT, "    %s%s%n", cpu, probes);
                }
            }
        }

        private static long worst(List<Timed> iterations) {
            return iterations.stream().mapToLong(Timed::latency).max().orElseThrow();
        }

        double perSecond() {
            return orders / seconds();
        }

        double p50() {
            return pct(50);
        }

        double p99() {
            return pct(99);
        }

        double pct(int p) {
            return percentile(latencies, p);
        }
    }

    /** The p-th percentile of latencies in nanoseconds, in milliseconds. */
    static double percentile(List<Long> latencies, double p) {
        if (latencies.isEmpty()) {
            return Double.NaN;
        }
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static void print(String kind, int clients, Result r) {
        print(kind, clients, r, "");
    }

    private static void print(String kind, int clients, Result r, String note) {
        System.out.printf(Locale.ROOT, "%s %2d clients: %7.1f orders/s, p50 %6.1f ms, p99 %6.1f ms (%d orders), probe %.2f ms, memory %.2f ms%s%s%n", kind,
                clients, r.perSecond(), r.p50(), r.p99(), r.orders(), r.probe(), r.memoryProbe(), r.cpu().isEmpty() ? "" : "; " + r.cpu(),
                note.isEmpty() ? "" : ", " + note);
    }

    @FunctionalInterface
    interface Work {
        void run() throws Exception;
    }

    static Result closedLoop(int clients, int seconds, Work work) throws Exception {
        for (int i = 0; i < 20; i++) {
            work.run();
        }
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong done = new AtomicLong();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        var cpu = CpuUse.now();
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().start(() -> {
                try {
                    while (System.nanoTime() < end) {
                        long t = System.nanoTime();
                        work.run();
                        latencies.add(System.nanoTime() - t);
                        done.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }));
        }
        for (Thread t : threads) {
            t.join();
        }
        long to = System.nanoTime();
        return new Result(done.get(), start, to, latencies, List.of(), List.of(), CpuUse.now().perOrder(cpu, done.get()));
    }

    /**
     * Arrivals at a fixed rate, served by a pool; latency counts from the planned arrival (no coordinated omission).
     * The arrivals of the first {@code leadIn} seconds are served but not counted: the benchmark's own client takes
     * a few seconds to get up to the rate (its threads, connections and compiled code).
     */
    private static Result openLoop(double rate, int leadIn, int seconds, int workers) throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(workers);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Timed> timeline = Collections.synchronizedList(new ArrayList<>());
        List<Timed> leadInTimeline = Collections.synchronizedList(new ArrayList<>());
        long interval = (long) (1e9 / rate);
        long uncounted = (long) (rate * leadIn);
        long count = (long) (rate * seconds);
        var cpu = CpuUse.now();
        long start = System.nanoTime();
        long measuredFrom = start + uncounted * interval;
        // To line the slowest seconds up with the platform's and the database's logs.
        System.out.printf(Locale.ROOT, "open loop from %s, counted from %d s later%n",
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), leadIn);
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (long i = 0; i < uncounted + count; i++) {
            long planned = start + i * interval;
            boolean counted = i >= uncounted;
            long wait = planned - System.nanoTime();
            if (wait > 0) {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            }
            futures.add(pool.submit(() -> {
                long sent = System.nanoTime();
                httpOrder();
                long latency = System.nanoTime() - planned;
                if (counted) {
                    latencies.add(latency);
                    timeline.add(new Timed(planned, latency, sent - planned));
                } else {
                    leadInTimeline.add(new Timed(planned, latency, sent - planned));
                }
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        pool.shutdown();
        if (!leadInTimeline.isEmpty()) {
            System.out.printf(Locale.ROOT, "lead-in (%d s, not counted): p50 %.1f ms, p99 %.1f ms; sent late by %.1f ms at p99%n", leadIn,
                    percentile(leadInTimeline.stream().map(Timed::latency).toList(), 50),
                    percentile(leadInTimeline.stream().map(Timed::latency).toList(), 99),
                    percentile(leadInTimeline.stream().map(Timed::lag).toList(), 99));
        }
        // the CPU per order over all the loop's orders, the lead-in's too
        return new Result(count, measuredFrom, System.nanoTime(), latencies, timeline, leadInTimeline, CpuUse.now().perOrder(cpu, uncounted + count));
    }

    /**
     * The benchmark's own collector pauses so far, in milliseconds: the collectors that stop the application (G1's young
     * and old collections), not the concurrent cycles that run beside it.
     */
    private static long collectorMillis() {
        return java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream().filter(gc -> !gc.getName().contains("Concurrent"))
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).filter(t -> t > 0).sum();
    }

    /** The platform's own view (Micrometer): mean server time per request of the quote and of the order. */
    private static void printServerTimes() throws Exception {
        String metrics = get("/actuator/prometheus", ADMIN_KEY);
        for (String uri : List.of("/api/v1/storefront/{market}/quotes", "/api/v1/storefront/{market}/orders")) {
            double sum = 0;
            double count = 0;
            for (String line : metrics.lines().toList()) {
                if (line.contains("uri=\"" + uri + "\"") && line.contains("status=\"201\"")) {
                    if (line.startsWith("http_server_requests_seconds_sum")) {
                        sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    } else if (line.startsWith("http_server_requests_seconds_count")) {
                        count += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    }
                }
            }
            System.out.printf(Locale.ROOT, "server time %s: %.1f ms mean over %.0f requests%n", uri, count == 0 ? Double.NaN : sum / count * 1000, count);
        }
    }

    static void httpOrder() throws Exception {
        var random = ThreadLocalRandom.current();
        int sellers = 1 + random.nextInt(3);
        List<Integer> chosen = new ArrayList<>(List.of(0, 1, 2));
        Collections.shuffle(chosen, random);
        StringBuilder lines = new StringBuilder("[");
        for (int s = 0; s < sellers; s++) {
            List<String> offers = OFFERS.get(chosen.get(s));
            lines.append(s == 0 ? "" : ",").append("{\"offerId\":\"").append(offers.get(random.nextInt(offers.size()))).append("\",\"quantity\":1}");
        }
        lines.append("]");
        String quote = post("/api/v1/storefront/PH/quotes", null, null, """
                {"lines":%s,"address":{"name":"Bench Buyer","line1":"1 Bench St","city":"Manila","country":"PH"}}
                """.formatted(lines), 201);
        String quoteId = field(quote);
        post("/api/v1/storefront/PH/orders", null, UUID.randomUUID().toString(),
                "{\"quoteId\":\"%s\",\"email\":\"bench@example.com\",\"paymentToken\":\"tok_visa\"}".formatted(quoteId), 201);
    }

    /** The client of the JSON POSTs (see {@link PlainHttp} for why not the JDK's), made once {@link #base} is known. */
    private static PlainHttp plainHttp() {
        PlainHttp http = plainHttp;
        if (http == null) {
            synchronized (CheckoutBenchmark.class) {
                http = plainHttp;
                if (http == null) {
                    http = new PlainHttp(base);
                    plainHttp = http;
                }
            }
        }
        return http;
    }

    static void setUp() throws Exception {
        String finance = field(post("/api/v1/ops/api-keys", ADMIN_KEY, null, "{\"role\":\"finance\",\"label\":\"bench\"}", 201), "key");
        String day = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        var rates = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ops/fx/ecb")).header("Authorization", "Bearer " + finance)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
                        "Date, USD, JPY, CNY, PHP,\n" + day + ", 1.0850, 162.50, 7.7000, 63.800,\n")).build(), HttpResponse.BodyHandlers.ofString());
        if (rates.statusCode() != 200) {
            throw new IllegalStateException("rates: " + rates.body());
        }
        for (int s = 0; s < 3; s++) {
            String seller = post("/api/v1/ops/sellers", ADMIN_KEY, null, """
                    {"legalName":"Bench Seller %d","country":"CN","status":"active","payoutCurrency":"CNY",
                     "warehouses":[{"name":"DC","kind":"origin","country":"CN"}]}
                    """.formatted(s), 201);
            String sellerId = field(seller);
            Matcher w = Pattern.compile("\"warehouses\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(seller);
            if (!w.find()) {
                throw new IllegalStateException("no warehouse in " + seller);
            }
            String key = field(post("/api/v1/ops/sellers/" + sellerId + "/api-keys", ADMIN_KEY, null, "{\"label\":\"bench\"}", 201), "key");
            SELLER_KEYS.add(key);
            SELLER_IDS.add(sellerId);
            List<String> offers = new ArrayList<>();
            for (int p = 0; p < 40; p++) {
                String code = "B" + s + "-" + p + "-" + Long.toString(System.nanoTime(), 36);
                String product = field(post("/api/v1/seller/products", key, null, """
                        {"category":"lighting","fallbackLocale":"en","contents":[{"locale":"en","title":"Bench lamp %s","description":"bench"}],
                         "skus":[{"code":"%s","basePrice":{"amount":50,"currency":"CNY"},"weightGrams":250,"lengthMm":100,"widthMm":100,"heightMm":50,
                                  "stock":[{"warehouseId":"%s","available":1000000}]}]}
                        """.formatted(code, code, w.group(1)), 201));
                post("/api/v1/seller/products/" + product + "/publications", key, null, "{\"markets\":[\"PH\"],\"markupPct\":10}", 200);
                String offersJson = get("/api/v1/seller/offers?market=PH", key);
                Matcher m = Pattern.compile("\"offerId\"\\s*:\\s*\"([^\"]+)\"\\s*,\\s*\"productId\"\\s*:\\s*\"" + product).matcher(offersJson);
                if (!m.find()) {
                    throw new IllegalStateException("offer not found for " + product + " in " + offersJson);
                }
                offers.add(m.group(1));
            }
            OFFERS.add(offers);
        }
    }

    /**
     * The bound: per order the same rows the platform writes, in the same two transactions, with
     * prepared statements over plain JDBC (one connection per client, as a pool would give), each step's
     * rows of one module in one statement as the platform writes them (decision 0033).
     */
    private static final class JdbcBound implements AutoCloseable {

        private final Platform platform;
        private final ThreadLocal<Connection> connections = new ThreadLocal<>();
        private final ThreadLocal<UUID[]> accounts = new ThreadLocal<>();
        private final List<Connection> all = Collections.synchronizedList(new ArrayList<>());
        private final List<UUID[]> skus = new ArrayList<>();

        JdbcBound(Platform platform) throws Exception {
            this.platform = platform;
            try (var c = platform.ownerConnection(); var st = c.createStatement()) {
                st.execute("select set_config('entrepot.actor_kind', 'system', false), set_config('entrepot.system_purpose', 'bench', false)");
                var rs = st.executeQuery("select s.id, s.seller_id, st.warehouse_id from catalog.sku s join catalog.stock st on st.sku_id = s.id"
                        + " where s.code like 'B%'");
                while (rs.next()) {
                    skus.add(new UUID[] {rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class)});
                }
            }
        }

        private Connection connection() throws Exception {
            Connection c = connections.get();
            if (c == null) {
                c = platform.ownerConnection();
                try (var st = c.createStatement()) {
                    st.execute("select set_config('entrepot.actor_kind', 'system', false), set_config('entrepot.system_purpose', 'bench', false)");
                }
                c.setAutoCommit(false);
                connections.set(c);
                all.add(c);
            }
            return c;
        }

        void order() throws Exception {
            Connection c = connection();
            var random = ThreadLocalRandom.current();
            int sellers = 1 + random.nextInt(3);
            UUID order = UUID.randomUUID();
            UUID quote = UUID.randomUUID();
            Timestamp now = Timestamp.from(Instant.now());
            List<UUID[]> lines = new ArrayList<>();
            for (int s = 0; s < sellers; s++) {
                lines.add(skus.get(random.nextInt(skus.size())));
            }
            // Each step's rows of one module in one statement, as the platform writes them (decision 0033): a bound that
            // wrote row by row made more round trips per order than the platform it bounds.
            // the quote, in a transaction whose commit does not wait for the disk (decision 0026)
            query(c, """
                    insert into ordering.quote (id, market_code, currency, total_minor, request, body, created_at, expires_at)
                    values (?, 'PH', 'PHP', 100000, '[]', '{}', ?, ?) returning set_config('synchronous_commit', 'off', true)""", quote, now, now);
            c.commit();
            // transaction 1: the key claimed on its own (a replay is answered before anything is written), then the order with its
            // seller orders, lines, payment and provider call, then the stock held
            exec(c, "insert into ordering.idempotency_key (scope, key, request_hash, state, created_at, expires_at, resource_id) values ('order', ?, 'h', 'running', ?, ?, ?)",
                    UUID.randomUUID().toString(), now, now, order);
            List<UUID> sellerOrders = new ArrayList<>();
            List<UUID> lineIds = new ArrayList<>();
            List<UUID> offers = new ArrayList<>();
            List<UUID> reservations = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                sellerOrders.add(UUID.randomUUID());
                lineIds.add(UUID.randomUUID());
                offers.add(UUID.randomUUID());
                reservations.add(UUID.randomUUID());
            }
            List<UUID> lineSkus = lines.stream().map(l -> l[0]).toList();
            List<UUID> lineSellers = lines.stream().map(l -> l[1]).toList();
            List<UUID> lineWarehouses = lines.stream().map(l -> l[2]).toList();
            UUID payment = UUID.randomUUID();
            String callKey = "order:" + order + ":authorize";
            exec(c, """
                    with placed as (
                             insert into ordering.buyer_order (id, quote_id, market_code, currency, email, address, items_minor, shipping_minor, duty_tax_minor,
                                 total_minor, border_estimate_minor, duty_unknown, status, created_at, updated_at)
                             values (?, ?, 'PH', 'PHP', 'b@example.com', '{}', 1, 1, 0, 2, 0, false, 'awaiting_payment', ?, ?)),
                         seller_orders as (
                             insert into ordering.seller_order (id, order_id, seller_id, seller_name, market_code, origin_country, carrier_service, status, currency,
                                 goods_minor, shipping_minor, duty_minor, tax_minor, total_minor, commission_minor, payment_fee_minor, payment_fee_rule,
                                 payout_currency, created_at, updated_at)
                             select so.id, ?, so.seller, 'x', 'PH', 'CN', 'x', 'awaiting_payment', 'PHP', 1, 1, 0, 0, 2, 0, 0, 'x', 'CNY', ?, ?
                             from unnest(?::uuid[], ?::uuid[]) as so(id, seller)),
                         order_lines as (
                             insert into ordering.order_line (id, seller_order_id, seller_id, offer_id, sku_id, sku_code, title, category, hs_chapter, quantity,
                                 unit_price_minor, currency, commission_minor, commission_rule, created_at)
                             select l.id, l.seller_order, l.seller, l.offer, l.sku, 'x', 'x', 'lighting', '94', 1, 1, 'PHP', 0, 'x', ?
                             from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[]) as l(id, seller_order, seller, offer, sku)),
                         paying as (
                             insert into ordering.payment (id, order_id, provider, token, amount_minor, currency, status, created_at, updated_at)
                             values (?, ?, 'sandbox', 'tok_visa', 2, 'PHP', 'authorizing', ?, ?)),
                         started as (
                             insert into ordering.provider_call (key, payment_id, operation, source_id, amount_minor, state, created_at, updated_at)
                             values (?, ?, 'authorize', ?, 2, 'started', ?, ?) returning key, created_at)
                    insert into ordering.open_call (key, started_at) select key, created_at from started""",
                    order, quote, now, now,
                    order, now, now, uuids(c, sellerOrders), uuids(c, lineSellers),
                    now, uuids(c, lineIds), uuids(c, sellerOrders), uuids(c, lineSellers), uuids(c, offers), uuids(c, lineSkus),
                    payment, order, now, now,
                    callKey, payment, order, now, now);
            // Stock rows counted per SKU, then locked in SKU order (as the platform takes them, so concurrent orders cannot deadlock) and taken.
            exec(c, """
                    with wanted as (select * from unnest(?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[], ?::uuid[]) as w(reservation, seller_order, sku, warehouse, seller)),
                         counted as (select s.sku_id, s.warehouse_id, count(*) as quantity from catalog.stock s
                                     join wanted w on w.sku = s.sku_id and w.warehouse = s.warehouse_id
                                     group by s.sku_id, s.warehouse_id),
                         ordered as (select s.sku_id, s.warehouse_id, l.quantity from catalog.stock s join counted l using (sku_id, warehouse_id)
                                     order by s.sku_id, s.warehouse_id for update of s),
                         taken as (update catalog.stock s set available = s.available - o.quantity from ordered o
                                   where s.sku_id = o.sku_id and s.warehouse_id = o.warehouse_id and s.available >= o.quantity),
                         held as (insert into catalog.reservation (id, order_ref, sku_id, warehouse_id, seller_id, quantity, expires_at, created_at)
                                  select reservation, seller_order, sku, warehouse, seller, 1, ?, ? from wanted returning id, expires_at)
                    insert into catalog.hold (reservation_id, expires_at) select id, expires_at from held""",
                    uuids(c, reservations), uuids(c, sellerOrders), uuids(c, lineSkus), uuids(c, lineWarehouses), uuids(c, lineSellers), now, now);
            c.commit();
            // the provider's own transaction, whose commit does not wait for the disk either
            exec(c, "set local synchronous_commit = off");
            String ref = "pay_" + UUID.randomUUID().toString().replace("-", "");
            exec(c, "insert into psp_sandbox.request (idempotency_key, operation, request_hash, response, created_at) values (?, 'authorize', 'x', '', ?)",
                    callKey, now);
            exec(c, "insert into psp_sandbox.payment (id, token, amount_minor, currency, status, created_at, updated_at) values (?, 'tok_visa', 2, 'PHP', 'authorized', ?, ?)",
                    ref, now, now);
            exec(c, """
                    with queued as (insert into psp_sandbox.webhook (id, payment_id, type, occurred_at, deliver_at) values (?, ?, 'payment.authorized', ?, ?)
                                    returning id, deliver_at)
                    insert into psp_sandbox.webhook_due (webhook_id, deliver_at) select id, deliver_at from queued""",
                    "evt_" + UUID.randomUUID(), ref, now, now);
            exec(c, "update psp_sandbox.request set response = '1|x|authorized' where idempotency_key = ?", callKey);
            c.commit();
            // transaction 2: the provider's answer (payment and call), the holds consumed, the journal entry, the statuses and the key's answer
            exec(c, """
                    with moved as (update ordering.payment set status = 'authorized', provider_ref = ?, updated_at = ? where order_id = ? and status = 'authorizing' returning id),
                         finished as (update ordering.provider_call set state = 'succeeded', outcome = 'authorized', updated_at = ? where key = ?
                                      and exists (select from moved) returning key)
                    delete from ordering.open_call where key in (select key from finished)""", ref, now, order, now, callKey);
            exec(c, """
                    with consumed as (update catalog.reservation set state = 'consumed', settled_at = ? where order_ref = any (?::uuid[]) and state = 'held' returning id)
                    delete from catalog.hold where reservation_id in (select id from consumed)""", now, uuids(c, sellerOrders));
            UUID[] accounts = accounts(c);
            // an entry and its postings in one statement; the postings only when the entry's key was new (the database checks them per statement)
            exec(c, """
                    with entry as (insert into ledger.journal_entry (id, description, source_type, source_id, idempotency_key, created_at)
                                   values (?, 'bench', 'order', ?, ?, ?) on conflict (idempotency_key) do nothing returning id)
                    insert into ledger.posting (id, entry_id, account_id, amount_minor, currency, created_at)
                    select p.id, entry.id, p.account, p.amount, 'PHP', ? from entry, (values (?::uuid, ?::uuid, 2::bigint), (?::uuid, ?::uuid, -2::bigint)) as p(id, account, amount)""",
                    UUID.randomUUID(), order.toString(), "order:" + order + ":authorized", now, now, UUID.randomUUID(), accounts[0], UUID.randomUUID(), accounts[1]);
            exec(c, """
                    with seller_orders as (update ordering.seller_order set status = 'placed', updated_at = ? where order_id = ?),
                         answered as (update ordering.idempotency_key set state = 'done', response_status = 201, response_body = '{}' where resource_id = ? and state = 'running')
                    update ordering.buyer_order set status = 'placed', updated_at = ? where id = ?""", now, order, order, now, order);
            c.commit();
        }

        /** The two accounts an order posts to, looked up once per connection (the platform keeps them per node: decision 0032). */
        private UUID[] accounts(Connection c) throws Exception {
            UUID[] known = accounts.get();
            if (known != null) {
                return known;
            }
            UUID[] ids = new UUID[2];
            String[][] refs = {{"payment_provider", "sandbox", "receivable"}, {"buyer_clearing", "PH", "clearing"}};
            for (int i = 0; i < 2; i++) {
                exec(c, "insert into ledger.account (id, owner_type, owner_ref, kind, currency, created_at) values (?, ?, ?, ?, 'PHP', now()) on conflict do nothing",
                        UUID.randomUUID(), refs[i][0], refs[i][1], refs[i][2]);
                try (PreparedStatement ps = c.prepareStatement("select id from ledger.account where owner_type = ? and owner_ref = ? and kind = ? and currency = 'PHP'")) {
                    ps.setString(1, refs[i][0]);
                    ps.setString(2, refs[i][1]);
                    ps.setString(3, refs[i][2]);
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        ids[i] = rs.getObject(1, UUID.class);
                    }
                }
            }
            accounts.set(ids);
            return ids;
        }

        private static java.sql.Array uuids(Connection c, List<UUID> ids) throws Exception {
            return c.createArrayOf("uuid", ids.toArray());
        }

        private static void query(Connection c, String sql, Object... params) throws Exception {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                }
            }
        }

        private static void exec(Connection c, String sql, Object... params) throws Exception {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (int i = 0; i < params.length; i++) {
                    ps.setObject(i + 1, params[i]);
                }
                ps.executeUpdate();
            }
        }

        @Override
        public void close() throws Exception {
            for (Connection c : all) {
                c.close();
            }
        }
    }

    static String get(String path, String key) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        return response.body();
    }

    static String post(String path, String key, String idempotencyKey, String json, int expected) throws IOException {
        List<String> headers = new ArrayList<>();
        if (key != null) {
            headers.addAll(List.of("Authorization", "Bearer " + key));
        }
        if (idempotencyKey != null) {
            headers.addAll(List.of("Idempotency-Key", idempotencyKey));
        }
        var response = plainHttp().post(path, json, headers.toArray(String[]::new));
        if (response.status() != expected) {
            throw new IllegalStateException(path + " answered " + response.status() + ": " + response.body());
        }
        return response.body();
    }

    static String field(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no id in " + json);
        }
        return m.group(1);
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }
}
