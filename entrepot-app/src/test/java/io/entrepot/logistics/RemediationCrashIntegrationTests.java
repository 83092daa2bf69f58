package io.entrepot.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.shared.database.EmbeddedDatabaseAccess;
import io.entrepot.support.Api;
import io.entrepot.support.AppProcess;
import io.entrepot.support.Fixtures;
import io.entrepot.support.Shop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * RELIABILITY 4 and issue 5's crash test: the application is killed with SIGKILL twice in the middle
 * of a remediation run and restarted; the run finishes, and every stranded order was cancelled, or
 * refunded and brought back, exactly once (at the payment provider too), Σ refunds = Σ captured, and
 * the ledger verifies. Returned parcels restock their goods once, whatever the number of events.
 */
class RemediationCrashIntegrationTests {

    private static final String[] SETTINGS = {"--entrepot.remediation.max-per-second=8", "--entrepot.remediation.lease=PT3S",
            "--entrepot.remediation.initial-delay=PT1S", "--entrepot.remediation.poll=PT1S", "--entrepot.payments.recovery-after=PT1S",
            "--entrepot.jobs.initial-delay=PT1S", "--entrepot.jobs.recovery=PT1S"};

    @Test
    void aRunKilledTwiceFinishesWithEveryStrandedOrderSettledExactlyOnce() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "crash-data").toAbsolutePath()).resolve("remediation-" + UUID.randomUUID());
        List<UUID> toCancel = new ArrayList<>();
        List<UUID> toReturn = new ArrayList<>();
        try (var app = new AppProcess(dataDir)) {
            app.start(SETTINGS);
            var api = new Api(app.port());
            var shop = new Shop(api);
            Fixtures.freshRates(api);
            String carrierKey = api.post("/api/v1/ops/carriers/entrepot-air/keys", Api.ADMIN_KEY, "{}").json().get("key").asString();
            List<Fixtures.SellerWithKey> sellers = new ArrayList<>();
            List<UUID> offers = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                var seller = shop.seller("Stranded Goods " + i + " " + UUID.randomUUID(), "CN", "CNY");
                sellers.add(seller);
                offers.add(shop.liveOffer(seller, "PH", "lighting", "80.00", "CNY", 500, 100, 10));
            }
            List<String> events = new ArrayList<>();
            Instant t0 = Instant.now().minus(Duration.ofDays(2));
            for (int i = 0; i < 90; i++) {
                int s = i % 3;
                var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offers.get(s)));
                var order = shop.order("PH", "crash-" + UUID.randomUUID(), UUID.fromString(quote.json().get("id").asString()), "tok_visa");
                assertThat(order.status()).as(order.body()).isEqualTo(201);
                UUID so = UUID.fromString(order.json().get("sellerOrders").get(0).get("id").asString());
                if (i < 40) {
                    toCancel.add(so);
                    continue;
                }
                var shipped = api.post("/api/v1/seller/orders/" + so + "/shipments", sellers.get(s).key(), "{}");
                assertThat(shipped.status()).as(shipped.body()).isEqualTo(201);
                String number = shipped.json().get("trackingNumber").asString();
                events.add(RemediationRuns.event(number, "in_transit", null, t0));
                if (i < 80) {
                    toReturn.add(so);
                } else {
                    events.add(RemediationRuns.event(number, "import_customs_cleared", "PH-MNL-IMPORT", t0.plusSeconds(3600)));
                }
            }
            assertThat(track(api, carrierKey, events).get("applied").asInt()).isEqualTo(events.size());

            String disruption = api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, """
                    {"scope":"checkpoint","checkpoint":"PH-MNL-IMPORT","startsAt":"%s","reason":"Strike at Manila customs"}
                    """.formatted(Instant.now().minusSeconds(600))).json().get("id").asString();
            assertThat(api.get("/api/v1/ops/disruptions/" + disruption + "/preview", Api.ADMIN_KEY).json().get("total").asInt()).isEqualTo(80);
            var started = api.post("/api/v1/ops/disruptions/" + disruption + "/remediations", Api.ADMIN_KEY, "{}");
            assertThat(started.status()).as(started.body()).isEqualTo(201);
            String run = started.json().get("id").asString();

            for (int threshold : new int[] {20, 50}) {
                RemediationRuns.awaitDone(api, run, threshold);
                app.kill();
                app.start(SETTINGS);
            }
            RemediationRuns.awaitDone(api, run, 80);
            JsonNode finished = api.get("/api/v1/ops/remediations/" + run, Api.ADMIN_KEY).json();
            for (int i = 0; i < 50 && !finished.get("status").asString().equals("finished"); i++) {
                Thread.sleep(200);
                finished = api.get("/api/v1/ops/remediations/" + run, Api.ADMIN_KEY).json();
            }
            assertThat(finished.get("status").asString()).as(finished.toString()).isEqualTo("finished");
            assertThat(finished.get("progress").get("done").asInt()).isEqualTo(80);
            assertThat(finished.get("progress").get("failed").asInt()).isZero();
            var verified = api.get("/api/v1/ops/ledger/verification", Api.ADMIN_KEY);
            assertThat(verified.json().get("problems").size()).as(verified.body()).isZero();

            // Five parcels come back; the carrier reports each twice: each restocks its unit once.
            List<String> returned = new ArrayList<>();
            for (UUID so : toReturn.subList(0, 5)) {
                String number = returnTracking(api, sellers, so);
                returned.add(RemediationRuns.event(number, "returned_to_seller", null, Instant.now().minusSeconds(60)));
                returned.add(RemediationRuns.event(number, "returned_to_seller", null, Instant.now().minusSeconds(30)));
            }
            assertThat(track(api, carrierKey, returned).get("applied").asInt()).isEqualTo(5);

            // Rerunning changes nothing.
            assertThat(api.post("/api/v1/ops/disruptions/" + disruption + "/remediations", Api.ADMIN_KEY, "{}").json().get("total").asInt()).isZero();
        }
        try {
            String cancelIds = ids(toCancel);
            String returnIds = ids(toReturn);
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ordering.seller_order where status = 'cancelled' and id in (" + cancelIds + ")"))
                    .isEqualTo("40");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from psp_sandbox.request where operation = 'void'")).isEqualTo("40");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ordering.refund where status = 'refunded' and seller_order_id in ("
                    + returnIds + ")")).isEqualTo("40");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ordering.refund")).as("no second refund of any order").isEqualTo("40");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from psp_sandbox.request where operation = 'refund'")).isEqualTo("40");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select sum(amount_minor) from ordering.refund"))
                    .as("Σ refunds = Σ captured").isEqualTo(EmbeddedDatabaseAccess.query(dataDir,
                            "select sum(total_minor) from ordering.seller_order where id in (" + returnIds + ")"));
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from logistics.shipment where direction = 'return'")).isEqualTo("40");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ledger.journal_entry where source_type = 'remediation_return'"))
                    .isEqualTo("40");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from catalog.reservation where state = 'released'"))
                    .as("40 cancelled orders and 5 returned parcels restocked once each").isEqualTo("45");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select sum(available) from catalog.stock")).as("300 units − 90 sold + 45 back")
                    .isEqualTo("255");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ordering.provider_call where state = 'started'")).isEqualTo("0");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ordering.open_call")).as("calls left in the recovery queue").isEqualTo("0");
        } finally {
            EmbeddedDatabaseAccess.stop(dataDir);
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }

    private static String returnTracking(Api api, List<Fixtures.SellerWithKey> sellers, UUID so) {
        for (var seller : sellers) {
            var shipments = api.get("/api/v1/seller/orders/" + so + "/shipments", seller.key());
            if (shipments.status() == 200) {
                for (JsonNode s : shipments.json()) {
                    if (s.get("direction").asString().equals("return")) {
                        return s.get("trackingNumber").asString();
                    }
                }
            }
        }
        throw new AssertionError("no return shipment for " + so);
    }

    private static JsonNode track(Api api, String carrierKey, List<String> events) {
        var answer = api.send(api.request("/api/v1/logistics/tracking-events", null).header("X-Carrier-Key", carrierKey)
                .header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"events\":[" + String.join(",", events) + "]}")).build());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private static String ids(List<UUID> ids) {
        return String.join(",", ids.stream().map(id -> "'" + id + "'").toList());
    }
}
