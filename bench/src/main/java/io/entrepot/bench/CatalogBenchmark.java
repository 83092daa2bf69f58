package io.entrepot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two figures of the global store, measured over HTTP against a freshly started platform:
 * <ol>
 * <li>bulk publication: a seller's catalogue of N SKUs (loaded through the CSV import) published to a
 * newly opened market in one call — offers (SKU prices) per second;</li>
 * <li>storefront search: p50/p95/p99 latency of search requests (text, category, browse, next page)
 * over M live listings, which a data generator writes straight into {@code search.listing}.</li>
 * </ol>
 * Usage (from the repository root, after {@code ./entrepot help} built the application):
 * {@code java -cp bench/target/classes:<postgresql jar> io.entrepot.bench.CatalogBenchmark [skus] [listings] [queries]}.
 */
public final class CatalogBenchmark {

    private static final String ADMIN_KEY = Platform.ADMIN_KEY;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final Pattern FIELD = Pattern.compile("\"%s\"\\s*:\\s*\"?([^\",}]+)\"?");

    private static String base;

    public static void main(String[] args) throws Exception {
        int skus = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int listings = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 2_000;
        try (var platform = Platform.start("catalog")) {
            base = platform.base();
            System.out.printf(Locale.ROOT, "Entrepot catalogue benchmark: %d cores, Java %s, %d SKUs, %d listings, %d queries%n",
                    Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), skus, listings, queries);
            if (skus > 0) {
                publishBenchmark(skus);
            }
            searchBenchmark(platform, listings, queries);
        }
    }

    private static void publishBenchmark(int skus) throws Exception {
        String finance = field(post("/api/v1/ops/api-keys", ADMIN_KEY, "application/json",
                "{\"role\":\"finance\",\"label\":\"bench\"}", 201), "key");
        String day = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        post("/api/v1/ops/fx/ecb", finance, "text/csv", "Date, CNY, NZD,\n" + day + ", 7.7000, 1.8300,\n", 200);
        post("/api/v1/ops/markets", ADMIN_KEY, "application/json", """
                {"code":"NZ","name":"New Zealand","currency":"NZD","locales":["en-NZ"],"priceIncrement":0.01,"priceRounding":"up",
                 "charmModulus":1,"charmEnding":0.99,"returnWindowDays":0,"returnBasis":"Consumer Guarantees Act"}""", 201);
        post("/api/v1/ops/markets/NZ/trade-rule-versions", ADMIN_KEY, "application/json", """
                {"effectiveFrom":"2020-01-01T00:00:00Z","taxName":"GST","importTaxRatePct":15,"taxCollection":"platform_at_checkout",
                 "source":"bench","asOf":"2026"}""", 201);
        post("/api/v1/ops/lanes", ADMIN_KEY, "application/json", """
                {"originCountry":"CN","destinationMarket":"NZ","carrierService":"Air","transitDaysMin":5,"transitDaysMax":12}""", 201);
        String sellerId = field(post("/api/v1/ops/sellers", ADMIN_KEY, "application/json", """
                {"legalName":"Bench Trading Co","country":"CN","status":"active","warehouses":[{"name":"DC","kind":"origin","country":"CN"}]}""", 201), "id");
        String key = field(post("/api/v1/ops/sellers/" + sellerId + "/api-keys", ADMIN_KEY, "application/json", "{\"label\":\"bench\"}", 201), "key");

        long importStart = System.nanoTime();
        int perFile = 20_000;
        String[] categories = {"lighting", "kitchen", "bags", "toys", "tools", "tea", "e-cigarettes"};
        for (int from = 0; from < skus; from += perFile) {
            StringBuilder csv = new StringBuilder("product_ref,category,locale,title,description,sku_code,base_price,currency,weight_grams,length_mm,width_mm,height_mm\n");
            for (int i = from; i < Math.min(skus, from + perFile); i++) {
                int product = i / 2;
                csv.append("p").append(product).append(',').append(categories[product % categories.length]).append(",en,Bench product ")
                        .append(product).append(",Generated for the benchmark,S").append(i).append(',').append(10 + (i % 500)).append(".00,CNY,")
                        .append(200 + i % 800).append(",200,150,100\n");
            }
            String report = importFile(key, csv.toString());
            if (!report.contains("\"rejected\":[]")) {
                throw new IllegalStateException("import rejected rows: " + report.substring(0, Math.min(500, report.length())));
            }
        }
        double importSeconds = (System.nanoTime() - importStart) / 1e9;
        System.out.printf(Locale.ROOT, "CSV import: %d SKUs (%d products) in %.1f s = %.0f SKUs/s%n", skus, skus / 2, importSeconds, skus / importSeconds);

        long start = System.nanoTime();
        String result = post("/api/v1/seller/markets/NZ/publications", key, "application/json", "{\"markupPct\":10}", 200);
        double seconds = (System.nanoTime() - start) / 1e9;
        int prices = Integer.parseInt(field(result, "prices"));
        int live = Integer.parseInt(field(result, "live"));
        int blocked = Integer.parseInt(field(result, "blocked"));
        System.out.printf(Locale.ROOT, "Bulk publication to a new market: %d products (%d live, %d blocked), %d SKU offers priced in %.2f s = %.0f offers/s%n",
                live + blocked, live, blocked, prices, seconds, (live + blocked) * 2 / seconds);
    }

    private static void searchBenchmark(Platform platform, int listings, int queries) throws Exception {
        long start = System.nanoTime();
        try (Connection c = platform.ownerConnection(); var st = c.createStatement()) {
            st.execute("select set_config('entrepot.actor_kind', 'system', false), set_config('entrepot.system_purpose', 'benchmark data', false)");
            st.execute("""
                    insert into search.listing (offer_id, language, product_id, seller_id, seller_name, market_code, category, title,
                        description, min_price_minor, currency, tsv, updated_at)
                    select gen_random_uuid(), 'en', gen_random_uuid(), s.seller, 'Bench seller ' || (g % 500), 'PH',
                           (array['lighting','kitchen','bags','toys','tools','tea','beauty','knitwear'])[1 + g % 8],
                           w.adj || ' ' || w.noun || ' ' || g, 'Generated listing ' || g || ' for the search benchmark',
                           1000 + (g::bigint * 7919) % 500000, 'PHP',
                           setweight(to_tsvector('english', w.adj || ' ' || w.noun || ' ' || g), 'A')
                             || setweight(to_tsvector('english', 'Generated listing for the search benchmark'), 'B'),
                           now()
                    from generate_series(1, LISTINGS) g
                    cross join lateral (select (array['red','indigo','jade','ivory','black','gold','sky','plum','silver','amber'])[1 + g % 10] as adj,
                                               (array['lantern','lamp','wok','steamer','scarf','tote','backpack','kite','puzzle','charger',
                                                      'case','roller','tea','kettle','mug','bowl','vase','rug','pillow','clock'])[1 + (g / 10) % 20] as noun) w
                    cross join lateral (select ('00000000-0000-7000-8000-' || lpad(to_hex(g % 500), 12, '0'))::uuid as seller) s
                    """.replace("LISTINGS", Integer.toString(listings)));
            st.execute("vacuum analyze search.listing");
        }
        System.out.printf(Locale.ROOT, "Generated %d PH listings in %.0f s%n", listings, (System.nanoTime() - start) / 1e9);

        String[] words = {"lantern", "lamp", "wok", "scarf", "backpack", "kite", "charger", "kettle", "jade vase", "red pillow"};
        String[] categories = {"lighting", "kitchen", "bags", "toys", "tea"};
        Random random = new Random(7);
        for (int i = 0; i < 50; i++) {
            get("/api/v1/storefront/PH/products?q=" + words[i % words.length].replace(" ", "+"));
        }
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < queries; i++) {
            String path = switch (i % 4) {
                case 0, 1 -> "/api/v1/storefront/PH/products?q=" + words[random.nextInt(words.length)].replace(" ", "+");
                case 2 -> "/api/v1/storefront/PH/products?category=" + categories[random.nextInt(categories.length)];
                default -> "/api/v1/storefront/PH/products?q=" + words[random.nextInt(words.length)].replace(" ", "+") + "&limit=20";
            };
            long t = System.nanoTime();
            String body = get(path);
            long elapsed = System.nanoTime() - t;
            times.add(elapsed);
            if (i % 4 == 3) {
                Matcher next = Pattern.compile("\"nextCursor\":\"([^\"]+)\"").matcher(body);
                if (next.find()) {
                    long t2 = System.nanoTime();
                    get(path + "&cursor=" + next.group(1));
                    times.add(System.nanoTime() - t2);
                }
            }
        }
        Collections.sort(times);
        System.out.printf(Locale.ROOT, "Storefront search over %d listings, %d requests over HTTP: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                listings, times.size(), pct(times, 50), pct(times, 95), pct(times, 99), times.getLast() / 1e6);
    }

    /** Posts a CSV file; a large one runs as a job, which is followed until it is done. */
    private static String importFile(String key, String csv) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/seller/imports/products")).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
            return response.body();
        }
        if (response.statusCode() != 202) {
            throw new IllegalStateException("import answered " + response.statusCode() + ": " + response.body());
        }
        String job = response.headers().firstValue("Location").orElseThrow();
        while (true) {
            Thread.sleep(500);
            String state = HTTP.send(HttpRequest.newBuilder(URI.create(base + job)).header("Authorization", "Bearer " + key).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            if (state.contains("\"status\":\"done\"")) {
                return state;
            }
            if (state.contains("\"status\":\"failed\"")) {
                throw new IllegalStateException("import job failed: " + state);
            }
        }
    }

    private static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }

    private static String get(String path) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String post(String path, String key, String contentType, String body, int expected) throws IOException, InterruptedException {
        var response = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(30))
                .header("Authorization", "Bearer " + key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher matcher = Pattern.compile(FIELD.pattern().formatted(name)).matcher(json);
        if (!matcher.find()) {
            throw new IllegalStateException("no " + name + " in " + json);
        }
        return matcher.group(1).strip();
    }
}
