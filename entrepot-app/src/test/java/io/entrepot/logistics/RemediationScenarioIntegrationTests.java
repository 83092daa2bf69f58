package io.entrepot.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Issue 5's scenario: 1,000 orders from 20 sellers, 300 of them shipped and stranded before Vietnam's
 * import customs (in transit, or held there) when the checkpoint closes. The preview counts exactly those
 * 300 and writes nothing; the run refunds each of them once, creates their returns, books the platform's
 * expense equal to the return costs, leaves the other 700 alone, and each seller's report says what
 * happened to its orders. A second run is refused while the first runs, and finds nothing once it is done.
 * (Cancelling paid, unshipped orders is covered by the crash test.)
 */
@IntegrationTest
class RemediationScenarioIntegrationTests {

    private static final int SELLERS = 20;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate tx;

    /** What the test did to one seller order, and so what the remediation must do. */
    enum Plan { STUCK_UNSHIPPED, STUCK_IN_TRANSIT, STUCK_HELD, VN_CLEARED, VN_DELIVERED, TH_UNSHIPPED, TH_IN_TRANSIT }

    record Placed(UUID sellerOrder, int seller, Plan plan, long totalMinor, long shippingMinor) {
    }

    @Test
    void aClosedCheckpointStrandsThreeHundredOfAThousandOrdersAndTheRunSettlesExactlyThoseOnce() throws Exception {
        var api = new Api(port);
        var shop = new Shop(api);
        var sql = new SystemSql(jdbc, tx);
        Fixtures.freshRates(api);
        // Neither baht nor dong is among the reference rates these tests import: finance sets them.
        String finance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"scenario rates\"}").json().get("key").asString();
        for (String[] pair : new String[][] {{"CNY", "VND", "3400"}, {"USD", "VND", "25400"}, {"CNY", "THB", "4.9"}, {"USD", "THB", "35.5"}}) {
            var set = api.send(api.request("/api/v1/ops/fx/overrides/" + pair[0] + "/" + pair[1], finance).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"rate\":" + pair[2] + ",\"reason\":\"test rate\"}")).build());
            assertThat(set.status()).as(set.body()).isEqualTo(200);
        }
        // A lane CN→VN of its own, through an import checkpoint of its own, cheaper than the seeded one so
        // quotes choose it; earlier runs' scenario lanes are closed (the build's database outlives a run).
        for (JsonNode lane : api.get("/api/v1/ops/lanes/from/CN", Api.ADMIN_KEY).json()) {
            if (lane.get("destinationMarket").asString().equals("VN") && lane.get("carrierService").asString().startsWith("Scenario Air")) {
                assertThat(api.delete("/api/v1/ops/lanes/CN/VN?carrierService=" + lane.get("carrierService").asString().replace(" ", "%20"),
                        Api.ADMIN_KEY).status()).isEqualTo(204);
            }
        }
        String run36 = Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
        String checkpoint = "VN-S" + run36 + "-IMPORT";
        String service = "Scenario Air " + run36;
        assertThat(api.post("/api/v1/ops/checkpoints", Api.ADMIN_KEY, """
                {"code":"%s","country":"VN","kind":"import","name":"Ho Chi Minh City (Tan Son Nhat) import customs, scenario %s"}
                """.formatted(checkpoint, run36)).status()).isEqualTo(201);
        var lane = api.post("/api/v1/ops/lanes", Api.ADMIN_KEY, """
                {"originCountry":"CN","destinationMarket":"VN","carrierService":"%s","transitDaysMin":3,"transitDaysMax":8,"importCheckpoint":"%s"}
                """.formatted(service, checkpoint));
        assertThat(lane.status()).as(lane.body()).isEqualTo(201);
        var rates = api.send(api.request("/api/v1/ops/lanes/CN/VN/rates", Api.ADMIN_KEY).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("""
                        {"carrierService":"%s","bands":[{"upToGrams":1000,"price":2.00,"currency":"USD"},{"upToGrams":30000,"price":4.00,"currency":"USD"}]}
                        """.formatted(service))).build());
        assertThat(rates.status()).as(rates.body()).isEqualTo(200);
        String carrierKey = api.post("/api/v1/ops/carriers/entrepot-air/keys", Api.ADMIN_KEY, "{}").json().get("key").asString();

        List<Fixtures.SellerWithKey> sellers = new ArrayList<>();
        List<Map<String, UUID>> offers = new ArrayList<>();
        for (int i = 0; i < SELLERS; i++) {
            var seller = shop.seller("Disruption Seller %02d %s".formatted(i, UUID.randomUUID()), "CN", i % 2 == 0 ? "CNY" : "USD");
            sellers.add(seller);
            offers.add(Map.of("VN", shop.liveOffer(seller, "VN", "lighting", "%d.00".formatted(40 + i), "CNY", 400, 2000, 10),
                    "TH", shop.liveOffer(seller, "TH", "lighting", "%d.00".formatted(40 + i), "CNY", 400, 2000, 10)));
        }

        // 1,000 orders: 300 stranded on the CN→VN lane, 300 VN orders past the checkpoint, 400 on CN→TH.
        List<Plan> plans = new ArrayList<>();
        add(plans, Plan.STUCK_IN_TRANSIT, 200);
        add(plans, Plan.STUCK_HELD, 100);
        add(plans, Plan.VN_CLEARED, 150);
        add(plans, Plan.VN_DELIVERED, 150);
        add(plans, Plan.TH_UNSHIPPED, 200);
        add(plans, Plan.TH_IN_TRANSIT, 200);
        List<Placed> placed = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(4)) {
            List<Future<Placed>> futures = new ArrayList<>();
            for (int i = 0; i < plans.size(); i++) {
                int n = i;
                futures.add(pool.submit(() -> placeAndShip(api, shop, sellers, offers, n % SELLERS, plans.get(n))));
            }
            for (Future<Placed> f : futures) {
                placed.add(f.get());
            }
        }
        assertThat(placed).hasSize(1000);
        Map<UUID, String> tracking = new HashMap<>();
        for (Placed p : placed) {
            if (p.plan() != Plan.STUCK_UNSHIPPED && p.plan() != Plan.TH_UNSHIPPED) {
                tracking.put(p.sellerOrder(), sql.text("select tracking_number from logistics.shipment where direction = 'outbound' and seller_order_id = '"
                        + p.sellerOrder() + "'"));
            }
        }
        // The carrier reports where every parcel is, in two batches, with a duplicate and a late event.
        List<String> events = new ArrayList<>();
        Instant t0 = Instant.now().minus(Duration.ofDays(3));
        for (Placed p : placed) {
            String number = tracking.get(p.sellerOrder());
            if (number == null) {
                continue;
            }
            events.add(RemediationRuns.event(number, "picked_up", null, t0));
            events.add(RemediationRuns.event(number, "export_customs", "CN-SZX-EXPORT", t0.plusSeconds(3600)));
            events.add(RemediationRuns.event(number, "in_transit", null, t0.plusSeconds(7200)));
            switch (p.plan()) {
                case STUCK_HELD -> events.add(RemediationRuns.event(number, "import_customs_held", checkpoint, t0.plusSeconds(86400)));
                case VN_CLEARED -> events.add(RemediationRuns.event(number, "import_customs_cleared", checkpoint, t0.plusSeconds(86400)));
                case VN_DELIVERED -> {
                    events.add(RemediationRuns.event(number, "import_customs_cleared", checkpoint, t0.plusSeconds(86400)));
                    events.add(RemediationRuns.event(number, "delivered", null, t0.plusSeconds(2 * 86400)));
                }
                default -> {
                }
            }
        }
        for (int from = 0; from < events.size(); from += 1000) {
            var sent = api.post("/api/v1/logistics/tracking-events", null, "{\"events\":[" + String.join(",", events.subList(from,
                    Math.min(events.size(), from + 1000))) + "]}");
            assertThat(sent.status()).isEqualTo(401);
            var accepted = api.send(api.request("/api/v1/logistics/tracking-events", null).header("X-Carrier-Key", carrierKey)
                    .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"events\":["
                            + String.join(",", events.subList(from, Math.min(events.size(), from + 1000))) + "]}")).build());
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(200);
            assertThat(accepted.json().get("rejected").asInt()).as(accepted.body()).isZero();
        }
        Placed delivered = placed.stream().filter(p -> p.plan() == Plan.VN_DELIVERED).findFirst().orElseThrow();
        String late = RemediationRuns.event(tracking.get(delivered.sellerOrder()), "in_transit", null, t0.plusSeconds(9000));
        var lateAnswer = api.send(api.request("/api/v1/logistics/tracking-events", null).header("X-Carrier-Key", carrierKey)
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"events\":["
                        + late + "," + events.get(0) + "]}")).build());
        assertThat(lateAnswer.json().get("recorded").asInt()).as(lateAnswer.body()).isEqualTo(1);
        assertThat(lateAnswer.json().get("duplicates").asInt()).as(lateAnswer.body()).isEqualTo(1);
        assertThat(api.get("/api/v1/seller/orders/" + delivered.sellerOrder(), sellers.get(delivered.seller()).key()).json().get("status").asString())
                .as("delivery by tracking event delivers the order").isIn("delivered", "released");

        // The checkpoint closes.
        var declared = api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, """
                {"scope":"checkpoint","checkpoint":"%s","startsAt":"%s","reason":"Customs system outage at Tan Son Nhat"}
                """.formatted(checkpoint, Instant.now().minus(Duration.ofHours(1))));
        assertThat(declared.status()).as(declared.body()).isEqualTo(201);
        String disruption = declared.json().get("id").asString();

        List<Placed> stuck = placed.stream().filter(p -> p.plan().name().startsWith("STUCK")).toList();
        long writesBefore = writes(sql);
        var preview = api.get("/api/v1/ops/disruptions/" + disruption + "/preview", Api.ADMIN_KEY);
        assertThat(preview.status()).as(preview.body()).isEqualTo(200);
        assertThat(writes(sql)).as("a preview writes nothing").isEqualTo(writesBefore);
        JsonNode p = preview.json();
        assertThat(p.get("total").asInt()).isEqualTo(300);
        assertThat(p.get("toCancel").asInt()).isZero();
        assertThat(p.get("toReturn").asInt()).isEqualTo(300);
        assertThat(p.get("sellers").asInt()).isEqualTo(SELLERS);
        JsonNode vnd = p.get("byCurrency").get(0);
        assertThat(vnd.get("currency").asString()).isEqualTo("VND");
        assertThat(minor(vnd.get("voided"))).isEqualTo(sum(stuck, Plan.STUCK_UNSHIPPED, Placed::totalMinor));
        assertThat(minor(vnd.get("refunded"))).isEqualTo(sum(stuck, Plan.STUCK_IN_TRANSIT, Placed::totalMinor) + sum(stuck, Plan.STUCK_HELD, Placed::totalMinor));

        long expenseBefore = sql.number("""
                select coalesce(sum(p.amount_minor), 0) from ledger.posting p join ledger.account a on a.id = p.account_id
                where a.owner_type = 'platform' and a.kind = 'expense' and a.currency = 'VND'
                """);
        var started = api.post("/api/v1/ops/disruptions/" + disruption + "/remediations", Api.ADMIN_KEY, "{}");
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String run = started.json().get("id").asString();
        assertThat(started.json().get("total").asInt()).isEqualTo(300);
        var second = api.post("/api/v1/ops/disruptions/" + disruption + "/remediations", Api.ADMIN_KEY, "{}");
        assertThat(second.status()).as("a second run while one is active").isEqualTo(409);
        assertThat(second.body()).contains("remediation-running").contains(run);
        JsonNode finished = RemediationRuns.awaitFinished(api, run);
        assertThat(finished.get("progress").get("done").asInt()).as(finished.toString()).isEqualTo(300);
        assertThat(finished.get("progress").get("failed").asInt()).isZero();

        // Each stranded order settled once; the others untouched.
        for (Placed s : placed) {
            JsonNode so = api.get("/api/v1/seller/orders/" + s.sellerOrder(), sellers.get(s.seller()).key()).json();
            switch (s.plan()) {
                case STUCK_UNSHIPPED -> assertThat(so.get("status").asString()).isEqualTo("cancelled");
                case STUCK_IN_TRANSIT, STUCK_HELD -> assertThat(minor(so.get("refunded"))).isEqualTo(s.totalMinor());
                case VN_DELIVERED -> assertThat(so.get("status").asString()).as("delivered, or released after a return window of 0 days")
                        .isIn("delivered", "released");
                case TH_UNSHIPPED -> assertThat(so.get("status").asString()).isEqualTo("placed");
                default -> {
                    assertThat(so.get("status").asString()).isEqualTo("shipped");
                    assertThat(minor(so.get("refunded"))).isZero();
                }
            }
        }
        String stuckIds = stuck.stream().map(s -> "'" + s.sellerOrder() + "'").collect(Collectors.joining(","));
        assertThat(sql.number("select count(*) from ordering.refund where seller_order_id in (" + stuckIds + ")")).isEqualTo(300);
        assertThat(sql.number("select count(*) from (select seller_order_id from ordering.refund where seller_order_id in (" + stuckIds
                + ") group by seller_order_id having count(*) > 1) twice")).isZero();
        assertThat(sql.number("select count(*) from psp_sandbox.request where operation = 'refund' and idempotency_key like 'refund:%' "
                + "and idempotency_key in (select 'refund:' || id from ordering.refund where seller_order_id in (" + stuckIds + "))")).isEqualTo(300);
        long returnCosts = sum(stuck, Plan.STUCK_IN_TRANSIT, Placed::shippingMinor) + sum(stuck, Plan.STUCK_HELD, Placed::shippingMinor);
        assertThat(sql.number("select count(*) from logistics.shipment where direction = 'return' and seller_order_id in (" + stuckIds + ")"))
                .isEqualTo(300);
        assertThat(sql.number("select coalesce(sum(cost_minor), 0) from logistics.shipment where direction = 'return' and seller_order_id in ("
                + stuckIds + ")")).isEqualTo(returnCosts);
        assertThat(sql.number("""
                select coalesce(sum(p.amount_minor), 0) from ledger.posting p join ledger.account a on a.id = p.account_id
                where a.owner_type = 'platform' and a.kind = 'expense' and a.currency = 'VND'
                """) - expenseBefore).as("the platform's expense equals the return costs").isEqualTo(returnCosts);
        var verified = api.get("/api/v1/ops/ledger/verification", Api.ADMIN_KEY);
        assertThat(verified.json().get("problems").size()).as(verified.body()).isZero();

        // Each seller's report: its cancelled and returned orders, refunds and the return costs the platform paid.
        var report = api.get("/api/v1/ops/remediations/" + run + "/report", Api.ADMIN_KEY).json();
        assertThat(report.size()).isEqualTo(SELLERS);
        for (int i = 0; i < SELLERS; i++) {
            int seller = i;
            List<Placed> own = stuck.stream().filter(s -> s.seller() == seller).toList();
            JsonNode line = api.get("/api/v1/seller/remediations/" + run + "/report", sellers.get(i).key()).json();
            assertThat(line.size()).as("a seller sees only its own line").isEqualTo(1);
            assertThat(line.get(0).get("sellerId").asString()).isEqualTo(sellers.get(i).sellerId().toString());
            assertThat(line.get(0).get("cancelled").asInt()).isEqualTo((int) own.stream().filter(s -> s.plan() == Plan.STUCK_UNSHIPPED).count());
            assertThat(line.get(0).get("returned").asInt()).isEqualTo((int) own.stream().filter(s -> s.plan() != Plan.STUCK_UNSHIPPED).count());
            assertThat(minor(line.get(0).get("refunded"))).isEqualTo(own.stream().filter(s -> s.plan() != Plan.STUCK_UNSHIPPED)
                    .mapToLong(Placed::totalMinor).sum());
            assertThat(minor(line.get(0).get("returnCosts"))).isEqualTo(own.stream().filter(s -> s.plan() != Plan.STUCK_UNSHIPPED)
                    .mapToLong(Placed::shippingMinor).sum());
            assertThat(api.get("/api/v1/seller/notifications", sellers.get(i).key()).json().size()).isEqualTo(own.size());
        }
        var csv = api.send(api.request("/api/v1/ops/remediations/" + run + "/report.csv", Api.ADMIN_KEY).setHeader("Accept", "text/csv").GET().build());
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        List<String> rows = csv.body().lines().toList();
        assertThat(rows).hasSize(SELLERS + 1);
        assertThat(rows.getFirst()).startsWith("seller_id,seller_name,currency,cancelled,returned");
        long csvRefunded = rows.stream().skip(1).mapToLong(r -> new java.math.BigDecimal(r.split(",")[9]).longValueExact()).sum();
        assertThat(csvRefunded).as("the CSV's refunds add up to the refunds made").isEqualTo(sum(stuck, Plan.STUCK_IN_TRANSIT, Placed::totalMinor)
                + sum(stuck, Plan.STUCK_HELD, Placed::totalMinor));

        // Running again finds nothing left to do and changes nothing.
        long refundsBefore = sql.number("select count(*) from ordering.refund");
        var again = api.post("/api/v1/ops/disruptions/" + disruption + "/remediations", Api.ADMIN_KEY, "{}");
        assertThat(again.status()).as(again.body()).isEqualTo(201);
        assertThat(again.json().get("total").asInt()).isZero();
        assertThat(again.json().get("status").asString()).isEqualTo("finished");
        assertThat(sql.number("select count(*) from ordering.refund")).isEqualTo(refundsBefore);
    }

    private static void add(List<Plan> plans, Plan plan, int count) {
        for (int i = 0; i < count; i++) {
            plans.add(plan);
        }
    }

    private static Placed placeAndShip(Api api, Shop shop, List<Fixtures.SellerWithKey> sellers, List<Map<String, UUID>> offers, int seller, Plan plan) {
        String market = plan.name().startsWith("TH") ? "TH" : "VN";
        var quote = api.post("/api/v1/storefront/" + market + "/quotes", null, """
                {"lines":[{"offerId":"%s","quantity":1}],"address":{"name":"Nguyen An","line1":"1 Le Loi","city":"Ho Chi Minh City","postalCode":"700000","country":"%s"}}
                """.formatted(offers.get(seller).get(market), market));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var order = shop.order(market, "scenario-" + UUID.randomUUID(), UUID.fromString(quote.json().get("id").asString()), "tok_visa");
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        JsonNode so = order.json().get("sellerOrders").get(0);
        UUID id = UUID.fromString(so.get("id").asString());
        if (plan != Plan.STUCK_UNSHIPPED && plan != Plan.TH_UNSHIPPED) {
            var shipped = api.post("/api/v1/seller/orders/" + id + "/shipments", sellers.get(seller).key(), "{}");
            assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
        }
        return new Placed(id, seller, plan, minor(so.get("total")), minor(so.get("shipping")));
    }

    /** An amount object's value in minor units (VND has none). */
    private static long minor(JsonNode amount) {
        return amount.get("amount").decimalValue().movePointRight(
                java.util.Currency.getInstance(amount.get("currency").asString()).getDefaultFractionDigits()).longValueExact();
    }

    private static long sum(List<Placed> placed, Plan plan, java.util.function.ToLongFunction<Placed> f) {
        return placed.stream().filter(p -> p.plan() == plan).mapToLong(f).sum();
    }

    /** Rows in every table a remediation writes to. */
    private static long writes(SystemSql sql) {
        return sql.number("""
                select (select count(*) from logistics.remediation_run) + (select count(*) from logistics.remediation_item)
                     + (select count(*) from logistics.shipment) + (select count(*) from logistics.notification)
                     + (select count(*) from ordering.refund) + (select count(*) from ordering.provider_call)
                     + (select count(*) from ledger.journal_entry) + (select count(*) from catalog.reservation where state = 'released')
                """);
    }
}
