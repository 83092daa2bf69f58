package io.entrepot.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bad input to tracking, disruptions and remediation gets a clear 4xx, never a 500; a refund the payment
 * provider refuses marks that order failed without stopping the run, and a retry asks again.
 */
@IntegrationTest
class LogisticsEdgesIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void badTrackingInputIsRefusedOrRejectedPerEvent() {
        var api = new Api(port);
        String key = api.post("/api/v1/ops/carriers", Api.ADMIN_KEY, "{\"code\":\"edge-post\",\"name\":\"Edge Post\"}").status() == 201
                ? api.post("/api/v1/ops/carriers/edge-post/keys", Api.ADMIN_KEY, "{}").json().get("key").asString() : "";
        String event = "{\"events\":[{\"eventId\":\"e1\",\"trackingNumber\":\"EP000000000000XX\",\"status\":\"in_transit\",\"occurredAt\":\"2026-11-01T00:00:00Z\"}]}";
        assertThat(tracking(api, null, "application/json", event).status()).isEqualTo(401);
        assertThat(tracking(api, "ck_edge-post_wrong", "application/json", event).status()).isEqualTo(401);
        assertThat(tracking(api, key, "application/json", "{\"events\":[").status()).isEqualTo(400);
        assertThat(tracking(api, key, "application/json", "{\"events\":[]}").status()).isEqualTo(400);
        var unknown = tracking(api, key, "application/json", event.replace("in_transit", "teleported"));
        assertThat(unknown.status()).isEqualTo(200);
        assertThat(unknown.json().get("results").get(0).get("detail").asString()).contains("unknown status teleported");
        var noShipment = tracking(api, key, "application/json", event);
        assertThat(noShipment.json().get("results").get(0).get("outcome").asString()).isEqualTo("rejected");
        var badCsv = api.send(api.request("/api/v1/logistics/tracking-events.csv", null).header("X-Carrier-Key", key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("id,number\n1,2\n")).build());
        assertThat(badCsv.status()).as(badCsv.body()).isEqualTo(400);
        assertThat(badCsv.body()).contains("event_id, tracking_number, status and occurred_at");
        var rows = api.send(api.request("/api/v1/logistics/tracking-events.csv", null).header("X-Carrier-Key", key).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("event_id,tracking_number,status,occurred_at\nr1,EP1,in_transit,yesterday\n,EP2,in_transit,2026-11-01T00:00:00Z\n"))
                .build());
        assertThat(rows.status()).as(rows.body()).isEqualTo(200);
        assertThat(rows.json().get("rejected").asInt()).isEqualTo(2);
        assertThat(rows.json().get("results").get(0).get("detail").asString()).contains("occurred_at");
    }

    @Test
    void badDisruptionsAndUnknownRunsAreAnsweredWithProblems() {
        var api = new Api(port);
        String now = Instant.now().toString();
        assertThat(api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, "{\"scope\":\"planet\",\"startsAt\":\"%s\",\"reason\":\"x\"}".formatted(now))
                .status()).isEqualTo(400);
        assertThat(api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, "{\"scope\":\"checkpoint\",\"checkpoint\":\"XX-NOWHERE-IMPORT\",\"startsAt\":\"%s\",\"reason\":\"x\"}"
                .formatted(now)).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, "{\"scope\":\"checkpoint\",\"checkpoint\":\"PH-MNL-IMPORT\",\"market\":\"PH\",\"startsAt\":\"%s\",\"reason\":\"x\"}"
                .formatted(now)).status()).isEqualTo(400);
        var backwards = api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, "{\"scope\":\"market\",\"market\":\"PH\",\"startsAt\":\"%s\",\"endsAt\":\"%s\",\"reason\":\"x\"}"
                .formatted(now, Instant.now().minusSeconds(3600)));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.body()).contains("endsAt");
        assertThat(api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, "{\"scope\":\"market\",\"market\":\"PH\",\"startsAt\":\"soon\",\"reason\":\"x\"}").status())
                .isEqualTo(400);
        UUID nobody = UUID.randomUUID();
        assertThat(api.get("/api/v1/ops/disruptions/" + nobody + "/preview", Api.ADMIN_KEY).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/ops/disruptions/" + nobody + "/remediations", Api.ADMIN_KEY, "{}").status()).isEqualTo(404);
        assertThat(api.get("/api/v1/ops/remediations/" + nobody, Api.ADMIN_KEY).status()).isEqualTo(404);
        assertThat(api.post("/api/v1/ops/remediations/" + nobody + "/retries", Api.ADMIN_KEY, "{}").status()).isEqualTo(404);
        var seller = new Shop(api).seller("Curious Seller " + UUID.randomUUID(), "CN", "CNY");
        assertThat(api.get("/api/v1/ops/disruptions", seller.key()).status()).isEqualTo(403);
        assertThat(api.post("/api/v1/ops/checkpoints", Api.ADMIN_KEY, "{\"code\":\"x\",\"country\":\"PH\",\"kind\":\"import\",\"name\":\"n\"}").status())
                .isEqualTo(400);
    }

    @Test
    void aRefusedRefundFailsThatOrderOnlyAndARetryAsksAgain() throws Exception {
        var api = new Api(port);
        var stranded = StrandedOrders.ship(api, "tok_visa", "tok_refund_fails", "tok_visa");
        String checkpoint = stranded.checkpoint();
        var seller = stranded.seller();
        UUID[] orders = stranded.sellerOrders().toArray(UUID[]::new);
        String disruption = api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, """
                {"scope":"checkpoint","checkpoint":"%s","startsAt":"%s","reason":"Flooded customs warehouse"}
                """.formatted(checkpoint, Instant.now().minusSeconds(60))).json().get("id").asString();
        var started = api.post("/api/v1/ops/disruptions/" + disruption + "/remediations", Api.ADMIN_KEY, "{}");
        assertThat(started.json().get("total").asInt()).as(started.body()).isEqualTo(3);
        String run = started.json().get("id").asString();
        JsonNode state = RemediationRuns.awaitFinished(api, run);
        assertThat(state.get("progress").get("done").asInt()).isEqualTo(2);
        assertThat(state.get("progress").get("failed").asInt()).isEqualTo(1);
        assertThat(state.get("progress").get("remaining").asInt()).isZero();
        assertThat(api.post("/api/v1/ops/disruptions/" + disruption + "/remediations", Api.ADMIN_KEY, "{}").json().get("total").asInt())
                .as("a failed order stays with its run").isZero();
        assertThat(api.get("/api/v1/seller/orders/" + orders[0], seller.key()).json().get("refunded").get("amount").decimalValue())
                .isEqualByComparingTo(api.get("/api/v1/seller/orders/" + orders[0], seller.key()).json().get("total").get("amount").decimalValue());
        assertThat(api.get("/api/v1/seller/orders/" + orders[1], seller.key()).json().get("refunded").get("amount").decimalValue()).isZero();

        assertThat(api.post("/api/v1/ops/remediations/" + run + "/retries", Api.ADMIN_KEY, "{}").json().get("retried").asInt()).isEqualTo(1);
        state = RemediationRuns.awaitFinished(api, run);
        assertThat(state.get("progress").get("failed").asInt()).as("the provider still refuses").isEqualTo(1);
        assertThat(state.get("progress").get("done").asInt()).isEqualTo(2);
        assertThat(state.get("progress").get("remaining").asInt()).as("the retried order was worked again").isZero();
        JsonNode report = api.get("/api/v1/ops/remediations/" + run + "/report", Api.ADMIN_KEY).json();
        assertThat(report.get(0).get("returned").asInt()).isEqualTo(2);
        assertThat(report.get(0).get("failed").asInt()).isEqualTo(1);
        var verified = api.get("/api/v1/ops/ledger/verification", Api.ADMIN_KEY);
        assertThat(verified.json().get("problems").size()).as(verified.body()).isZero();
    }

    private static Api.Response tracking(Api api, String key, String contentType, String body) {
        var request = api.request("/api/v1/logistics/tracking-events", null).header("Content-Type", contentType);
        if (key != null) {
            request.header("X-Carrier-Key", key);
        }
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
