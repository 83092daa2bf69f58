package io.entrepot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Remediation throughput: N shipped orders stranded before Manila's import customs, then one
 * remediation run (cancel, full refund at the sandbox provider, return shipment, platform expense,
 * notifications) worked by one or two application nodes on the same database. Prints orders per second
 * from the run's start to its end, as the platform records them.
 *
 * <pre>
 * ./entrepot help &amp;&amp; ./mvnw -q -pl bench compile
 * java -cp bench/target/classes:$HOME/.m2/repository/org/postgresql/postgresql/42.7.13/postgresql-42.7.13.jar \
 *      io.entrepot.bench.RemediationBenchmark 2000 2      # orders, nodes
 * </pre>
 */
public final class RemediationBenchmark {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final String ADMIN = Platform.ADMIN_KEY;

    private RemediationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int orders = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int nodes = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        int placed = Math.min(orders, args.length > 2 ? Integer.parseInt(args[2]) : 1000);
        System.out.printf("Entrepot remediation benchmark: %d cores, Java %s, %d stranded orders (%d placed over HTTP), %d node(s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), orders, placed, nodes);
        try (Platform platform = Platform.start("remediation"); Platform second = nodes > 1 ? platform.startNode() : null) {
            String base = platform.base();
            List<String> tracking = setUpStrandedOrders(base, placed);
            String carrier = field(post(base, "/api/v1/ops/carriers/entrepot-air/keys", ADMIN, "{}", 201), "key");
            for (int from = 0; from < tracking.size(); from += 1000) {
                StringBuilder events = new StringBuilder("{\"events\":[");
                for (int i = from; i < Math.min(tracking.size(), from + 1000); i++) {
                    events.append(i == from ? "" : ",").append("{\"eventId\":\"").append(UUID.randomUUID()).append("\",\"trackingNumber\":\"")
                            .append(tracking.get(i)).append("\",\"status\":\"in_transit\",\"occurredAt\":\"").append(Instant.now().minusSeconds(3600))
                            .append("\"}");
                }
                var sent = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/logistics/tracking-events")).header("X-Carrier-Key", carrier)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(events.append("]}").toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (sent.statusCode() != 200) {
                    throw new IllegalStateException("tracking: " + sent.body());
                }
            }
            if (orders > placed) {
                copyOrders(platform, orders / placed - 1, orders % placed);
            }
            String disruption = field(post(base, "/api/v1/ops/disruptions", ADMIN, """
                    {"scope":"checkpoint","checkpoint":"PH-MNL-IMPORT","startsAt":"%s","reason":"benchmark"}
                    """.formatted(Instant.now().minusSeconds(60)), 201), "id");
            long asked = System.nanoTime();
            Instant askedAt = Instant.now();
            String run = field(post(base, "/api/v1/ops/disruptions/" + disruption + "/remediations", ADMIN, "{}", 201), "id");
            System.out.printf("run started (stranded orders found, items written, access logged) in %.1f s%n", (System.nanoTime() - asked) / 1e9);
            String state;
            // the rate over time, every ten seconds: a rate that climbs as the run goes on is the platform still warming up
            long polled = asked;
            long lastDone = 0;
            do {
                Thread.sleep(2000);
                state = get(base, "/api/v1/ops/remediations/" + run);
                long now = System.nanoTime();
                if (now - polled >= 10_000_000_000L && !state.contains("\"status\":\"finished\"")) {
                    long done = Long.parseLong(count(state, "done"));
                    System.out.printf("  at %3.0f s: %6d done, %6.1f orders/s over the last %.0f s%n", (now - asked) / 1e9, done,
                            (done - lastDone) / ((now - polled) / 1e9), (now - polled) / 1e9);
                    polled = now;
                    lastDone = done;
                }
            } while (!state.contains("\"status\":\"finished\""));
            Instant started = Instant.parse(field(state, "createdAt"));
            Instant finished = Instant.parse(field(state, "finishedAt"));
            double seconds = Duration.between(started, finished).toMillis() / 1000.0;
            System.out.printf("run %s: %s in %.1f s = %.1f orders/s with %d node(s)%n", run, count(state, "done") + " done, " + count(state, "failed")
                    + " failed", seconds, orders / seconds, nodes);
            // The run's own times start once its orders are found (its items are written after); from the operator's
            // request on, finding them counts too.
            double whole = Duration.between(askedAt, finished).toMillis() / 1000.0;
            System.out.printf("from the request to start the run to its end: %.1f s = %.1f orders/s%n", whole, orders / whole);
            String verification = get(base, "/api/v1/ops/ledger/verification");
            System.out.println("ledger verification: " + verification);
        }
    }

    /** Sellers with a product live in PH, then N orders quoted, placed and shipped over HTTP by 8 clients; their tracking numbers. */
    private static List<String> setUpStrandedOrders(String base, int orders) throws Exception {
        String finance = field(post(base, "/api/v1/ops/api-keys", ADMIN, "{\"role\":\"finance\",\"label\":\"bench\"}", 201), "key");
        String day = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        var rates = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/ops/fx/ecb")).header("Authorization", "Bearer " + finance)
                .header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(
                        "Date, USD, JPY, CNY, PHP,\n" + day + ", 1.0850, 162.50, 7.7000, 63.800,\n")).build(), HttpResponse.BodyHandlers.ofString());
        if (rates.statusCode() != 200) {
            throw new IllegalStateException("rates: " + rates.body());
        }
        List<String[]> offers = new ArrayList<>();
        for (int s = 0; s < 10; s++) {
            String seller = post(base, "/api/v1/ops/sellers", ADMIN, """
                    {"legalName":"Stranded Seller %d","country":"CN","status":"active","payoutCurrency":"CNY",
                     "warehouses":[{"name":"DC","kind":"origin","country":"CN"}]}
                    """.formatted(s), 201);
            String sellerId = field(seller, "id");
            Matcher w = Pattern.compile("\"warehouses\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(seller);
            if (!w.find()) {
                throw new IllegalStateException("no warehouse in " + seller);
            }
            String key = field(post(base, "/api/v1/ops/sellers/" + sellerId + "/api-keys", ADMIN, "{\"label\":\"bench\"}", 201), "key");
            String code = "R" + s + "-" + Long.toString(System.nanoTime(), 36);
            String product = field(post(base, "/api/v1/seller/products", key, """
                    {"category":"lighting","fallbackLocale":"en","contents":[{"locale":"en","title":"Stranded lamp %s","description":"bench"}],
                     "skus":[{"code":"%s","basePrice":{"amount":50,"currency":"CNY"},"weightGrams":250,"lengthMm":100,"widthMm":100,"heightMm":50,
                              "stock":[{"warehouseId":"%s","available":10000000}]}]}
                    """.formatted(code, code, w.group(1)), 201), "id");
            post(base, "/api/v1/seller/products/" + product + "/publications", key, "{\"markets\":[\"PH\"],\"markupPct\":10}", 200);
            Matcher m = Pattern.compile("\"offerId\"\\s*:\\s*\"([^\"]+)\"").matcher(getAs(base, "/api/v1/seller/offers?market=PH", key));
            if (!m.find()) {
                throw new IllegalStateException("no offer for " + product);
            }
            offers.add(new String[] {m.group(1), key});
        }
        List<String> tracking = Collections.synchronizedList(new ArrayList<>());
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                String[] offer = offers.get(i % offers.size());
                work.add(pool.submit(() -> {
                    String quote = field(post(base, "/api/v1/storefront/PH/quotes", null, """
                            {"lines":[{"offerId":"%s","quantity":1}],"address":{"name":"Bench Buyer","line1":"1 Rizal Ave","city":"Manila","postalCode":"1000","country":"PH"}}
                            """.formatted(offer[0]), 201), "id");
                    var placed = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/storefront/PH/orders")).timeout(Duration.ofSeconds(60))
                            .header("Content-Type", "application/json").header("Idempotency-Key", UUID.randomUUID().toString())
                            .POST(HttpRequest.BodyPublishers.ofString("{\"quoteId\":\"%s\",\"email\":\"bench@example.com\",\"paymentToken\":\"tok_visa\"}"
                                    .formatted(quote))).build(), HttpResponse.BodyHandlers.ofString());
                    Matcher so = Pattern.compile("\"sellerOrders\"\\s*:\\s*\\[\\s*\\{\\s*\"id\"\\s*:\\s*\"([^\"]+)\"").matcher(placed.body());
                    if (placed.statusCode() != 201 || !so.find()) {
                        throw new IllegalStateException("order: " + placed.body());
                    }
                    tracking.add(field(post(base, "/api/v1/seller/orders/" + so.group(1) + "/shipments", offer[1], "{}", 201), "trackingNumber"));
                    return null;
                }));
            }
            for (Future<?> f : work) {
                f.get();
            }
        }
        System.out.printf("set-up: %d orders placed and shipped in %.1f s%n", orders, (System.nanoTime() - t0) / 1e9);
        return tracking;
    }

    /**
     * Makes {@code copies} more of every order placed over HTTP (and {@code extra} more of the first
     * ones), row for row as the platform wrote them: buyer and seller orders, lines, payments, the
     * sandbox provider's payments, the authorization and capture journal entries with their postings,
     * and the outbound parcels in transit — each id derived from the original's and the copy's number.
     * Placing 100,000 orders over HTTP would take over an hour here; the remediation reads and writes
     * the copies exactly as it would orders placed one by one.
     */
    private static void copyOrders(Platform platform, int copies, int extra) throws Exception {
        long t0 = System.nanoTime();
        try (var c = platform.ownerConnection(); var st = c.createStatement()) {
            c.setAutoCommit(false);
            st.execute("select set_config('entrepot.actor_kind', 'system', true), set_config('entrepot.system_purpose', 'bench-copy', true)");
            st.execute("""
                    create temp table copy_of on commit drop as
                    select s.id as so, s.order_id as bo, g.k from ordering.seller_order s cross join generate_series(1, %d) as g (k)
                    union all
                    select id, order_id, %d from (select id, order_id from ordering.seller_order order by id limit %d) as first
                    """.formatted(copies, copies + 1, extra));
            st.execute("analyze copy_of");
            String uuid = "md5(%s::text || ':' || g.k)::uuid";
            long rows = 0;
            rows += copy(st, "ordering.buyer_order", "(select distinct bo, k from copy_of) as g join ordering.buyer_order t on t.id = g.bo",
                    java.util.Map.of("id", uuid.formatted("t.id")));
            rows += copy(st, "ordering.seller_order", "copy_of as g join ordering.seller_order t on t.id = g.so",
                    java.util.Map.of("id", uuid.formatted("t.id"), "order_id", uuid.formatted("t.order_id")));
            rows += copy(st, "ordering.order_line", "copy_of as g join ordering.order_line t on t.seller_order_id = g.so",
                    java.util.Map.of("id", uuid.formatted("t.id"), "seller_order_id", uuid.formatted("t.seller_order_id")));
            rows += copy(st, "ordering.payment", "(select distinct bo, k from copy_of) as g join ordering.payment t on t.order_id = g.bo",
                    java.util.Map.of("id", uuid.formatted("t.id"), "order_id", uuid.formatted("t.order_id"),
                            "provider_ref", "'pay_' || md5(t.provider_ref || ':' || g.k)"));
            rows += copy(st, "psp_sandbox.payment", "(select distinct bo, k from copy_of) as g join ordering.payment p on p.order_id = g.bo "
                    + "join psp_sandbox.payment t on t.id = p.provider_ref", java.util.Map.of("id", "'pay_' || md5(t.id || ':' || g.k)"));
            String entries = """
                    (select bo::text as source, k from (select distinct bo, k from copy_of) as o union all select so::text, k from copy_of) as g
                    join ledger.journal_entry t on t.source_id = g.source and t.source_type in ('order', 'seller_order')""";
            rows += copy(st, "ledger.journal_entry", entries, java.util.Map.of("id", uuid.formatted("t.id"), "source_id",
                    uuid.formatted("t.source_id") + "::text", "idempotency_key", "replace(t.idempotency_key, t.source_id, " + uuid.formatted("t.source_id") + "::text)"));
            rows += copy(st, "ledger.posting", entries.replace("ledger.journal_entry t", "ledger.journal_entry e").replace("t.source", "e.source")
                    + " join ledger.posting t on t.entry_id = e.id", java.util.Map.of("id", uuid.formatted("t.id"), "entry_id", uuid.formatted("t.entry_id")));
            rows += copy(st, "logistics.shipment", "copy_of as g join logistics.shipment t on t.seller_order_id = g.so and t.direction = 'outbound'",
                    java.util.Map.of("id", uuid.formatted("t.id"), "seller_order_id", uuid.formatted("t.seller_order_id"),
                            "tracking_number", "'K' || g.k || '-' || t.tracking_number"));
            c.commit();
            c.setAutoCommit(true);
            st.execute("vacuum analyze");
            System.out.printf("set-up: %d rows copied (%d copies of each order) and analysed in %.1f s%n", rows, copies, (System.nanoTime() - t0) / 1e9);
        }
    }

    /** Inserts a copy of the rows {@code from} selects (as {@code t}, with the copy's number as {@code g.k}), some columns rewritten. */
    private static long copy(java.sql.Statement st, String table, String from, java.util.Map<String, String> rewritten) throws java.sql.SQLException {
        List<String> columns = new ArrayList<>();
        String[] name = table.split("\\.");
        try (var rs = st.executeQuery("select column_name from information_schema.columns where table_schema = '" + name[0] + "' and table_name = '"
                + name[1] + "' order by ordinal_position")) {
            while (rs.next()) {
                columns.add(rs.getString(1));
            }
        }
        String select = String.join(", ", columns.stream().map(col -> rewritten.getOrDefault(col, "t." + col)).toList());
        long copied = st.executeUpdate("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from " + from);
        // The next copy joins this table: plan it with the table's new size. The copies share one transaction, and
        // autovacuum's statistics (from before it) made one run join 100,000 entries by nested loops for minutes.
        st.execute("analyze " + table);
        return copied;
    }

    private static String get(String base, String path) throws IOException, InterruptedException {
        return getAs(base, path, ADMIN);
    }

    private static String getAs(String base, String path, String key) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String post(String base, String path, String key, String json, int expected) throws IOException, InterruptedException {
        var request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json");
        if (key != null) {
            request.header("Authorization", "Bearer " + key);
        }
        var response = HTTP.send(request.POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return m.group(1);
    }

    private static String count(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*(\\d+)").matcher(json);
        return m.find() ? m.group(1) : "?";
    }
}
