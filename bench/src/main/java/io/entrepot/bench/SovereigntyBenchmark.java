package io.entrepot.bench;

import java.io.StringReader;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.PGConnection;

/**
 * What seller data sovereignty costs (issue 7), against a freshly started platform:
 * <ol>
 * <li>row-level security on the checkout benchmark's order path and on a seller's order list: the
 * same closed loop with every table's RLS enabled, then disabled by the owner, alternating three
 * times (neither path writes access-log entries: buyers' checkouts and a seller's reading its own
 * orders are nobody looking at anyone's data);</li>
 * <li>a granted read, which also appends to the hash-chained log: finance reading one order under a
 * grant, against the seller reading the same order;</li>
 * <li>{@code audit verify} over a log of N entries (10,000,000 by default), written with the
 * application's own {@code AccessLogEntry} hashing and loaded by COPY, then checked by the command in
 * its own process, as an operator would run it.</li>
 * </ol>
 * Usage (from the repository root, after {@code ./entrepot help} built the application):
 * {@code java -cp bench/target/classes:entrepot-app/target/classes:<postgresql jar> io.entrepot.bench.SovereigntyBenchmark
 * [seconds per run] [log entries]}.
 */
public final class SovereigntyBenchmark {

    public static void main(String[] args) throws Throwable {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 15;
        long entries = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        try (var platform = Platform.start("sovereignty")) {
            CheckoutBenchmark.base = platform.base();
            System.out.printf(Locale.ROOT, "Entrepot sovereignty benchmark: %d cores, Java %s, %d s per run, %,d log entries%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), seconds, entries);
            CheckoutBenchmark.setUp();
            String sellerKey = CheckoutBenchmark.SELLER_KEYS.getFirst();
            for (int i = 0; i < 300; i++) {
                CheckoutBenchmark.httpOrder();
            }
            if (!Boolean.getBoolean("entrepot.bench.verify-only")) {
                rlsOverhead(platform, seconds, sellerKey);
                if (Boolean.getBoolean("entrepot.bench.rls-only")) {
                    return;
                }
                grantedRead(seconds, sellerKey);
            }
            verify(platform, entries);
        }
    }

    /**
     * Both workloads warmed up first, then measured in rounds whose order alternates (on–off, off–on,
     * …) so that what the JIT and the caches still gain over the run falls on both sides alike. The
     * order list holds 200 orders throughout (the seller has more than that after the set-up).
     */
    private static void rlsOverhead(Platform platform, int seconds, String sellerKey) throws Exception {
        CheckoutBenchmark.Work list = () -> CheckoutBenchmark.get("/api/v1/seller/orders", sellerKey);
        run("warm-up: checkout", 4, 2 * seconds, CheckoutBenchmark::httpOrder);
        run("warm-up: order list", 4, 2 * seconds, list);
        int rounds = 4;
        double[][] checkout = new double[2][rounds];
        double[][] lists = new double[2][rounds];
        for (int round = 0; round < rounds; round++) {
            for (int side = 0; side < 2; side++) {
                boolean on = (round + side) % 2 == 0;
                setRowLevelSecurity(platform, on);
                try {
                    checkout[on ? 0 : 1][round] = run("checkout, RLS " + (on ? "on" : "off"), 4, seconds, CheckoutBenchmark::httpOrder);
                    lists[on ? 0 : 1][round] = run("order list, RLS " + (on ? "on" : "off"), 4, seconds, list);
                } finally {
                    setRowLevelSecurity(platform, true);
                }
            }
        }
        System.out.printf(Locale.ROOT, "checkout: %.1f orders/s with RLS, %.1f without: %.1f%% throughput lost to RLS (target ≤ 10%%)%n",
                mean(checkout[0]), mean(checkout[1]), 100 * (1 - mean(checkout[0]) / mean(checkout[1])));
        System.out.printf(Locale.ROOT, "seller's order list: %.1f lists/s with RLS, %.1f without: %.1f%% throughput lost to RLS (target ≤ 10%%)%n",
                mean(lists[0]), mean(lists[1]), 100 * (1 - mean(lists[0]) / mean(lists[1])));
    }

    /**
     * The same statement (Statements.of: this month's postings and balances of seller 0) read by the seller itself, and by
     * finance under an approved grant, which adds the grant check in every policy and one access-log entry per read
     * (appends are serialised on the chain's head row until their transaction commits).
     */
    private static void grantedRead(int seconds, String sellerKey) throws Exception {
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        String seller = CheckoutBenchmark.SELLER_IDS.getFirst();
        String finance = CheckoutBenchmark.field(CheckoutBenchmark.post("/api/v1/ops/api-keys", Platform.ADMIN_KEY, null,
                "{\"role\":\"finance\",\"label\":\"bench grant\"}", 201), "key");
        String compliance = CheckoutBenchmark.field(CheckoutBenchmark.post("/api/v1/ops/api-keys", Platform.ADMIN_KEY, null,
                "{\"role\":\"compliance\",\"label\":\"bench grant\"}", 201), "key");
        String grant = CheckoutBenchmark.field(CheckoutBenchmark.post("/api/v1/ops/access-grants", finance, null, """
                {"sellerId":"%s","scopes":["ledger"],"purpose":"dispute","reference":"BENCH-1","hours":2}""".formatted(seller), 201));
        CheckoutBenchmark.post("/api/v1/ops/access-grants/" + grant + "/approval", compliance, null, "{}", 200);
        CheckoutBenchmark.Work own = () -> CheckoutBenchmark.get("/api/v1/seller/statements/" + month + "?currency=CNY", sellerKey);
        CheckoutBenchmark.Work granted = () -> CheckoutBenchmark.get("/api/v1/ops/sellers/" + seller + "/statements/" + month + "?currency=CNY", finance);
        run("warm-up: both", 4, seconds, () -> {
            own.run();
            granted.run();
        });
        double[] ownRate = new double[2];
        double[] grantedRate = new double[2];
        ownRate[0] = run("the seller reads its statement", 4, seconds, own);
        grantedRate[0] = run("finance reads it under a grant (+ log entry)", 4, seconds, granted);
        grantedRate[1] = run("finance reads it under a grant (+ log entry)", 4, seconds, granted);
        ownRate[1] = run("the seller reads its statement", 4, seconds, own);
        System.out.printf(Locale.ROOT, "granted read with its log entry: %.1f reads/s against the seller's own %.1f (%.1f%% fewer)%n",
                mean(grantedRate), mean(ownRate), 100 * (1 - mean(grantedRate) / mean(ownRate)));
        for (int clients : new int[] {1, 8}) {
            run("finance under a grant (+ log entry)", clients, seconds, granted);
        }
    }

    private static double run(String label, int clients, int seconds, CheckoutBenchmark.Work work) throws Exception {
        var result = CheckoutBenchmark.closedLoop(clients, seconds, work);
        System.out.printf(Locale.ROOT, "%-45s %d clients: %8.1f /s, p50 %6.1f ms, p99 %6.1f ms%n", label, clients, result.perSecond(), result.p50(),
                result.p99());
        return result.perSecond();
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    /** The owner switches row-level security off (or back on) on every table that has it. */
    private static void setRowLevelSecurity(Platform platform, boolean on) throws Exception {
        try (Connection owner = platform.ownerConnection(); Statement statement = owner.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    select quote_ident(n.nspname) || '.' || quote_ident(c.relname) from pg_class c join pg_namespace n on n.oid = c.relnamespace
                    where c.relkind = 'r' and exists (select 1 from pg_policy p where p.polrelid = c.oid)""")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                statement.execute("alter table " + table + (on ? " enable" : " disable") + " row level security");
            }
        }
    }

    private static void verify(Platform platform, long entries) throws Throwable {
        Class<?> entryClass = Class.forName("io.entrepot.governance.AccessLogEntry");
        MethodHandle next = MethodHandles.publicLookup().findStatic(entryClass, "next", MethodType.methodType(entryClass, long.class, UUID.class,
                Instant.class, UUID.class, String.class, UUID.class, String.class, String.class, String.class, List.class, byte[].class));
        MethodHandle hash = MethodHandles.publicLookup().findVirtual(entryClass, "hash", MethodType.methodType(byte[].class));
        long started = System.nanoTime();
        try (Connection owner = platform.ownerConnection(); Statement statement = owner.createStatement()) {
            long seq;
            byte[] prev;
            try (ResultSet head = statement.executeQuery("select seq, hash from governance.access_log_head")) {
                head.next();
                seq = head.getLong(1);
                prev = head.getBytes(2);
            }
            // COPY is refused on a table whose row-level security is forced; the owner lifts it for the load only.
            statement.execute("alter table governance.access_log no force row level security");
            try {
                var copy = owner.unwrap(PGConnection.class).getCopyAPI();
                List<UUID> sellers = CheckoutBenchmark.SELLER_IDS.stream().map(UUID::fromString).toList();
                Instant at = Instant.now().minus(30, ChronoUnit.DAYS).truncatedTo(ChronoUnit.MICROS);
                HexFormat hex = HexFormat.of();
                long batch = 200_000;
                for (long from = 0; from < entries; from += batch) {
                    var text = new StringBuilder((int) (Math.min(batch, entries - from) * 330));
                    for (long i = from; i < Math.min(entries, from + batch); i++) {
                        seq++;
                        UUID id = new UUID(0x01a0_0000_0000_7000L | (seq >>> 12 & 0xfff), 0x8000_0000_0000_0000L | seq);
                        UUID seller = sellers.get((int) (seq % sellers.size()));
                        boolean system = seq % 5 == 0;
                        String actor = system ? "system:disruption-remediation for operator:0b4e1a64-5c1e-4f3f-9d41-3d4a1a9a0c11"
                                : "operator:7f9d2c11-2b8e-4c55-8e0c-8d5d2a3b4c5d [finance]";
                        UUID grantId = system ? null : new UUID(0x01a0_0000_0000_7000L, seq / 1000);
                        String purpose = system ? "system:disruption-remediation" : "dispute";
                        String reference = system ? "" : "CASE-" + seq / 1000;
                        List<String> objects = List.of("seller-order:" + new UUID(ThreadLocalRandom.current().nextLong(), seq));
                        Object entry = next.invoke(seq, id, at.plusMillis(seq), seller, actor, grantId, purpose, reference, "order.view", objects, prev);
                        byte[] h = (byte[]) hash.invoke(entry);
                        text.append(seq).append('\t').append(id).append('\t').append(at.plusMillis(seq)).append('\t').append(seller).append('\t')
                                .append(actor).append('\t').append(grantId == null ? "\\N" : grantId.toString()).append('\t').append(purpose).append('\t')
                                .append(reference).append('\t').append("order.view").append('\t').append('{').append(objects.getFirst()).append('}')
                                .append("\t\\\\x").append(hex.formatHex(prev)).append("\t\\\\x").append(hex.formatHex(h)).append('\n');
                        prev = h;
                    }
                    copy.copyIn("copy governance.access_log (seq, id, occurred_at, seller_id, actor, grant_id, purpose, reference, operation, object_ids, "
                            + "prev_hash, hash) from stdin", new StringReader(text.toString()));
                }
                try (var update = owner.prepareStatement("update governance.access_log_head set seq = ?, hash = ?")) {
                    update.setLong(1, seq);
                    update.setBytes(2, prev);
                    update.executeUpdate();
                }
            } finally {
                statement.execute("alter table governance.access_log force row level security");
            }
            statement.execute("analyze governance.access_log");
        }
        System.out.printf(Locale.ROOT, "wrote %,d chained entries in %.1f s%n", entries, (System.nanoTime() - started) / 1e9);
        if (Boolean.getBoolean("entrepot.bench.verify-diagnostics")) {
            // what reading alone costs: the verifier's query streamed and thrown away, under row-level security and without
            try (Connection owner = platform.ownerConnection(); Statement statement = owner.createStatement()) {
                statement.execute("select set_config('entrepot.actor_kind', 'system', false), set_config('entrepot.system_purpose', 'bench', false)");
                try (ResultSet plan = statement.executeQuery("""
                        explain (analyze, buffers) select seq, id, occurred_at, seller_id, actor, grant_id, purpose, reference, operation,
                               cardinality(object_ids), array_to_string(object_ids, chr(31)), prev_hash, hash
                        from governance.access_log order by seq""")) {
                    while (plan.next()) {
                        System.out.println("  " + plan.getString(1));
                    }
                }
                for (boolean rls : new boolean[] {true, false, true}) {
                    statement.execute("alter table governance.access_log " + (rls ? "" : "no ") + "force row level security");
                    owner.setAutoCommit(false);
                    long t0 = System.nanoTime();
                    long rows = 0;
                    try (var read = owner.prepareStatement("""
                            select seq, id, occurred_at, seller_id, actor, grant_id, purpose, reference, operation, cardinality(object_ids),
                                   array_to_string(object_ids, chr(31)), prev_hash, hash
                            from governance.access_log order by seq""")) {
                        read.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(-1);
                        read.setFetchSize(20_000);
                        try (ResultSet rs = read.executeQuery()) {
                            while (rs.next()) {
                                rows++;
                            }
                        }
                    }
                    owner.commit();
                    owner.setAutoCommit(true);
                    System.out.printf(Locale.ROOT, "reading alone, row-level security %s: %,d rows in %.1f s%n", rls ? "on" : "off", rows,
                            (System.nanoTime() - t0) / 1e9);
                }
            }
        }
        String compliance = CheckoutBenchmark.field(CheckoutBenchmark.post("/api/v1/ops/api-keys", Platform.ADMIN_KEY, null,
                "{\"role\":\"compliance\",\"label\":\"bench checkpoint\"}", 201), "key");
        CheckoutBenchmark.post("/api/v1/ops/audit/checkpoints", compliance, null, "{}", 200);

        Path jar = Path.of("entrepot-app/target/extracted/entrepot-app.jar");
        Path output = Files.createTempFile("audit-verify", ".log");
        var command = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(), "audit", "verify")
                .redirectErrorStream(true).redirectOutput(output.toFile());
        command.environment().putAll(platform.externalDatabase());
        command.environment().put("ENTREPOT_DATA_DIR", platform.dataDir().toString());
        command.environment().put("ENTREPOT_DEMO_ENABLED", "false");
        long t = System.nanoTime();
        int code = command.start().waitFor();
        double wall = (System.nanoTime() - t) / 1e9;
        List<String> lines = Files.readAllLines(output);
        lines.stream().filter(l -> l.startsWith("access log") || l.startsWith("(")).forEach(l -> System.out.println("  " + l));
        System.out.printf(Locale.ROOT, "audit verify over %,d entries: exit %d, %.1f s wall clock including the JVM's start (target ≤ 60 s)%n",
                entries, code, wall);
        if (code != 0) {
            System.out.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
        Files.deleteIfExists(output);
    }

    private SovereigntyBenchmark() {
    }
}
