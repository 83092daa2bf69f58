package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.shared.database.EmbeddedDatabaseAccess;
import io.entrepot.support.Api;
import io.entrepot.support.AppProcess;
import io.entrepot.support.Fixtures;
import io.entrepot.support.Shop;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * RELIABILITY 3: the application is killed with SIGKILL after the provider captured a payment and
 * before the capture was recorded. After restart the recovery job repeats the call with the stored key:
 * one capture at the provider, one journal entry.
 */
class CaptureCrashIntegrationTests {

    @Test
    void aKillBetweenTheProvidersCaptureAndOurCommitEndsWithOneCaptureAndOneJournalEntry() throws Exception {
        Path dataDir = Files.createDirectories(Path.of("target", "crash-data").toAbsolutePath()).resolve("capture-" + UUID.randomUUID());
        UUID sellerOrder;
        String captureKey;
        try (var app = new AppProcess(dataDir)) {
            app.start("--entrepot.faults.pause-after-provider-capture=PT5M");
            var api = new Api(app.port());
            var shop = new Shop(api);
            Fixtures.freshRates(api);
            var seller = shop.seller("Crash Lamps " + UUID.randomUUID(), "CN", "CNY");
            UUID offer = shop.liveOffer(seller, "PH", "lighting", "60.00", "CNY", 300, 10, 0);
            var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":2}]".formatted(offer));
            var placed = shop.order("PH", "crash-" + UUID.randomUUID(), UUID.fromString(quote.json().get("id").asString()), "tok_visa");
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            sellerOrder = UUID.fromString(placed.json().get("sellerOrders").get(0).get("id").asString());
            captureKey = "seller-order:" + sellerOrder + ":capture";
            CompletableFuture.runAsync(() -> api.post("/api/v1/seller/orders/" + sellerOrder + "/shipments", seller.key(), "{}"));
            app.awaitLog("FAULT INJECTION: provider captured " + captureKey, Duration.ofSeconds(30));
            app.kill();

            app.start("--entrepot.payments.recovery-after=PT1S", "--entrepot.jobs.initial-delay=PT1S", "--entrepot.jobs.recovery=PT1S");
            long deadline = System.currentTimeMillis() + 60_000;
            String status = "";
            while (System.currentTimeMillis() < deadline) {
                status = api.get("/api/v1/seller/orders/" + sellerOrder, seller.key()).json().get("status").asString();
                if (status.equals("shipped")) {
                    break;
                }
                Thread.sleep(500);
            }
            assertThat(status).isEqualTo("shipped");
            var verified = api.get("/api/v1/ops/ledger/verification", Api.ADMIN_KEY);
            assertThat(verified.json().get("problems").size()).as(verified.body()).isZero();
            // A second shipment request changes nothing.
            assertThat(api.post("/api/v1/seller/orders/" + sellerOrder + "/shipments", seller.key(), "{}").status()).isEqualTo(201);
        }
        try {
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from psp_sandbox.request where idempotency_key = '" + captureKey + "'"))
                    .isEqualTo("1");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from psp_sandbox.webhook where type = 'payment.captured'")).isEqualTo("1");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ledger.journal_entry where source_type = 'seller_order' and source_id = '"
                    + sellerOrder + "'")).isEqualTo("1");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ordering.provider_call where state = 'started'")).isEqualTo("0");
            assertThat(EmbeddedDatabaseAccess.query(dataDir, "select count(*) from ordering.open_call")).as("calls left in the recovery queue").isEqualTo("0");
        } finally {
            EmbeddedDatabaseAccess.stop(dataDir);
            org.springframework.util.FileSystemUtils.deleteRecursively(dataDir);
        }
    }
}
