package io.entrepot.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import org.junit.jupiter.api.Test;
import io.entrepot.support.LowLimitsTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A client guessing keys or passwords is slowed down with 429; the limits are low here so the test is quick. */
@LowLimitsTest
class ApiKeyRateLimitIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void tooManyWrongKeysGetTooManyRequestsWithRetryAfter() {
        var api = new Api(port);
        for (int i = 0; i < 5; i++) {
            assertThat(api.get("/api/v1/seller/profile", "ent_guess-" + i).status()).isEqualTo(401);
        }
        var limited = api.get("/api/v1/seller/profile", "ent_guess-again");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 60L);
        // While limited, even a valid key from this client waits: guessing must not pay off.
        assertThat(api.get("/api/v1/ops/api-keys", Api.ADMIN_KEY).status()).isEqualTo(429);
        // Requests without credentials are not affected by the key limiter.
        assertThat(api.get("/actuator/health", null).status()).isEqualTo(200);
    }

    @Test
    void tooManyFailedSignInsGetTooManyRequestsWithRetryAfter() {
        var browser = new io.entrepot.support.BrowserSession(port);
        for (int i = 0; i < 3; i++) {
            assertThat(browser.signIn("admin@entrepot.example", "wrong-" + i).statusCode()).isEqualTo(302);
        }
        var limited = browser.signIn("admin@entrepot.example", "entrepot-demo");
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(limited.body()).contains("Too many attempts");
    }

    @Test
    void aClientFloodingTheSellerSignUpIsSlowedDown() {
        var api = new Api(port);
        for (int i = 0; i < 2; i++) {
            var applied = api.post("/api/v1/storefront/seller-applications", null, application(i));
            assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        }
        var limited = api.post("/api/v1/storefront/seller-applications", null, application(3));
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.contentType()).startsWith("application/problem+json");
        assertThat(limited.header("Retry-After")).isNotBlank();
    }

    private static String application(int i) {
        return """
                {"legalName":"Flood %1$s Co","displayName":"Flood %1$s","country":"CN","registrationNumber":"R%1$s",
                 "payoutCurrency":"CNY","email":"flood-%2$s@example.com","password":"a-long-password","contactName":"F"}
                """.formatted(i, java.util.UUID.randomUUID());
    }
}
