package io.entrepot;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API documentation, health, readiness and metrics for whoever runs the platform. */
@IntegrationTest
class OperationsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void openApiDocumentDescribesTheApiWithBearerKeys() {
        var docs = new Api(port).get("/v3/api-docs", null);
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/ops/sellers")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/ops/sellers/{sellerId}/api-keys")).isTrue();
        assertThat(docs.json().get("components").get("securitySchemes").has("apiKey")).isTrue();
        // The quote's answer is written by the platform as JSON text; its documented schema is still the quote's.
        assertThat(docs.json().at("/paths/~1api~1v1~1storefront~1{market}~1quotes/post/responses/201/content/application~1json/schema/$ref").asString())
                .isEqualTo("#/components/schemas/Quote");
        assertThat(docs.json().at("/components/schemas/Quote/properties").has("validUntil")).isTrue();
        assertThat(new Api(port).get("/swagger-ui/index.html", null).status()).isEqualTo(200);
    }

    @Test
    void healthAndReadinessAreUpAndPublic() {
        var api = new Api(port);
        assertThat(api.get("/actuator/health", null).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/readiness", null).json().get("status").asString()).isEqualTo("UP");
        assertThat(api.get("/actuator/health/liveness", null).status()).isEqualTo(200);
    }

    @Test
    void prometheusMetricsNeedAnOperatorKey() {
        var api = new Api(port);
        assertThat(api.get("/actuator/prometheus", null).status()).isEqualTo(401);
        var metrics = api.send(api.request("/actuator/prometheus", Api.ADMIN_KEY).header("Accept", "text/plain").GET().build());
        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }
}
