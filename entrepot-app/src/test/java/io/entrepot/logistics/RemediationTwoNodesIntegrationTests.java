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
 * Two application nodes on one database work the same remediation run: both take chunks, and when one
 * is killed the other takes its leased items over once the lease runs out. Every order is refunded
 * once, and the ledger verifies.
 */
class RemediationTwoNodesIntegrationTests {

    private static final String[] SETTINGS = {"--entrepot.remediation.max-per-second=6", "--entrepot.remediation.lease=PT3S",
            "--entrepot.remediation.initial-delay=PT1S", "--entrepot.remediation.poll=PT1S", "--entrepot.payments.recovery-after=PT1S",
            "--entrepot.jobs.initial-delay=PT1S", "--entrepot.jobs.recovery=PT1S"};

    @Test
    void twoNodesShareARunAndOneCarriesOnWhenTheOtherIsKilled() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "crash-data").toAbsolutePath()).resolve("two-nodes-" + UUID.randomUUID());
        List<UUID> stranded = new ArrayList<>();
        try (var first = new AppProcess(dataDir)) {
            first.start(SETTINGS);
            var api = new Api(first.port());
            var shop = new Shop(api);
            Fixtures.freshRates(api);
            String carrierKey = api.post("/api/v1/ops/carriers/entrepot-air/keys", Api.ADMIN_KEY, "{}").json().get("key").asString();
            var seller = shop.seller("Two Nodes Lamps " + UUID.randomUUID(), "CN", "CNY");
            UUID offer = shop.liveOffer(seller, "PH", "lighting", "70.00", "CNY", 400, 100, 0);
            List<String> events = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer));
                var order = shop.order("PH", "two-" + UUID.randomUUID(), UUID.fromString(quote.json().get("id").asString()), "tok_visa");
                UUID so = UUID.fromString(order.json().get("sellerOrders").get(0).get("id").asString());
                var shipped = api.post("/api/v1/seller/orders/" + so + "/shipments", seller.key(), "{}");
                events.add("{\"eventId\":\"%s\",\"trackingNumber\":\"%s\",\"status\":\"in_transit\",\"occurredAt\":\"%s\"}".formatted(UUID.randomUUID(),
                        shipped.json().get("trackingNumber").asString(), Instant.now().minusSeconds(3600)));
                stranded.add(so);
            }
            var tracked = api.send(api.request("/api/v1/logistics/tracking-events", null).header("X-Carrier-Key", carrierKey)
                    .header("Content-Type", "application/json")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"events\":[" + String.join(",", events) + "]}")).build());
            assertThat(tracked.json().get("applied").asInt()).as(tracked.body()).isEqualTo(60);

            try (var second = AppProcess.nodeOf(first, "node2")) {
                second.start(SETTINGS);
                String disruption = api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, """
                        {"scope":"checkpoint","checkpoint":"PH-MNL-IMPORT","startsAt":"%s","reason":"Typhoon closes Manila customs"}
                        """.formatted(Instant.now().minusSeconds(60))).json().get("id").asString();
                String run = api.post("/api/v1/ops/disruptions/" + disruption + "/remediations", Api.ADMIN_KEY, "{}").json().get("id").asString();
                // The second node answers for the same database.
                RemediationRuns.awaitDone(new Api(second.port()), run, 20);
                second.kill();
                JsonNode finished = RemediationRuns.awaitDone(api, run, 60);
                for (int i = 0; i < 50 && !finished.get("status").asString().equals("finished"); i++) {
                    Thread.sleep(200);
                    finished = api.get("/api/v1/ops/remediations/" + run, Api.ADMIN_KEY).json();
                }
                assertThat(finished.get("status").asString()).isEqualTo("finished");
                assertThat(finished.get("progress").get("failed").asInt()).isZero();
                var verified = api.get("/api/v1/ops/ledger/verification", Api.ADMIN_KEY);
                assertThat(verified.json().get("problems").size()).as(verified.body()).isZero();
            }
        }
        try {
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(distinct worked_by) from logistics.remediation_item"))
                    .as("both nodes worked the run").isEqualTo("2");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ordering.refund where status = 'refunded'")).isEqualTo("60");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ordering.refund")).as("no order refunded twice").isEqualTo("60");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from psp_sandbox.request where operation = 'refund'")).isEqualTo("60");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from logistics.shipment where direction = 'return'")).isEqualTo("60");
        } finally {
            EmbeddedDatabaseAccess.stop(dataDir);
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
