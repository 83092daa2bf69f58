package io.entrepot.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.entrepot.seller.SellerWebhooks;
import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sellers hear about their remediated orders as signed webhooks from the outbox: one message per order,
 * signed with the secret they were given, and retried when their endpoint fails.
 */
@IntegrationTest
class RemediationWebhookIntegrationTests {

    @LocalServerPort
    int port;

    record Received(String eventId, String signature, String body) {
    }

    @Test
    void eachRemediatedOrderReachesTheSellerAsASignedWebhookRetriedAfterAFailure() throws Exception {
        var api = new Api(port);
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            // The endpoint is down for the first call: that message must come again.
            int status = calls.incrementAndGet() == 1 ? 503 : 200;
            if (status == 200) {
                received.add(new Received(exchange.getRequestHeaders().getFirst("Entrepot-Event-Id"),
                        exchange.getRequestHeaders().getFirst("Entrepot-Signature"), body));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        try {
            var stranded = StrandedOrders.ship(api, "tok_visa", "tok_visa");
            var refused = api.send(api.request("/api/v1/seller/webhook", stranded.seller().key()).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"url\":\"ftp://example.com/x\"}")).build());
            assertThat(refused.status()).isEqualTo(400);
            var registered = api.send(api.request("/api/v1/seller/webhook", stranded.seller().key()).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"url\":\"http://127.0.0.1:%d/hooks\"}"
                            .formatted(server.getAddress().getPort()))).build());
            assertThat(registered.status()).as(registered.body()).isEqualTo(200);
            String secret = registered.json().get("secret").asString();
            assertThat(api.get("/api/v1/seller/webhook", stranded.seller().key()).json().get("secret").isNull()).as("the secret is shown once").isTrue();

            String disruption = api.post("/api/v1/ops/disruptions", Api.ADMIN_KEY, """
                    {"scope":"checkpoint","checkpoint":"%s","startsAt":"%s","reason":"Port strike"}
                    """.formatted(stranded.checkpoint(), Instant.now().minusSeconds(60))).json().get("id").asString();
            assertThat(api.post("/api/v1/ops/disruptions/" + disruption + "/remediations", Api.ADMIN_KEY, "{}").json().get("total").asInt()).isEqualTo(2);

            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (received.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(250);
            }
            assertThat(received).hasSize(2);
            assertThat(calls.get()).as("one failed delivery, then both delivered").isEqualTo(3);
            JsonMapper json = JsonMapper.builder().build();
            for (Received r : received) {
                String t = r.signature().split(",")[0].substring(2);
                assertThat(r.signature()).endsWith(",v1=" + SellerWebhooks.sign(secret, t + "." + r.body()));
                JsonNode message = json.readTree(r.body());
                assertThat(message.get("id").asString()).isEqualTo(r.eventId());
                assertThat(message.get("type").asString()).isEqualTo("order.remediated");
                assertThat(message.get("data").get("action").asString()).isEqualTo("return");
                assertThat(stranded.sellerOrders()).extracting(Object::toString).contains(message.get("data").get("sellerOrderId").asString());
            }
            assertThat(received.stream().map(Received::eventId).distinct().count()).isEqualTo(2);
        } finally {
            server.stop(0);
        }
    }
}
