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
        System.out.printf("Entrepot remediation benchmark: %d cores, Java %s, %d stranded orders, %d node(s)%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), orders, nodes);
        try (Platform platform = Platform.start("remediation"); Platform second = nodes > 1 ? platform.startNode() : null) {
            String base = platform.base();
            List<String> tracking = setUpStrandedOrders(base, orders);
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
            String disruption = field(post(base, "/api/v1/ops/disruptions", ADMIN, """
                    {"scope":"checkpoint","checkpoint":"PH-MNL-IMPORT","startsAt":"%s","reason":"benchmark"}
                    """.formatted(Instant.now().minusSeconds(60)), 201), "id");
            String run = field(post(base, "/api/v1/ops/disruptions/" + disruption + "/remediations", ADMIN, "{}", 201), "id");
            String state;
            do {
                Thread.sleep(500);
                state = get(base, "/api/v1/ops/remediations/" + run);
            } while (!state.contains("\"status\":\"finished\""));
            Instant started = Instant.parse(field(state, "createdAt"));
            Instant finished = Instant.parse(field(state, "finishedAt"));
            double seconds = Duration.between(started, finished).toMillis() / 1000.0;
            System.out.printf("run %s: %s in %.1f s = %.1f orders/s with %d node(s)%n", run, count(state, "done") + " done, " + count(state, "failed")
                    + " failed", seconds, orders / seconds, nodes);
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
