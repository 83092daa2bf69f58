package io.entrepot.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.BrowserSession;
import io.entrepot.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Automation creates the people who sign in; each email address belongs to one account. */
@IntegrationTest
class AccountsIntegrationTests {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void anAdminCreatesASellerUserWhoCanSignInToThePortal() {
        UUID seller = api.newSeller("Portal Account Co");
        String email = "owner-" + seller + "@example.com";
        var created = api.post("/api/v1/ops/accounts", Api.ADMIN_KEY, """
                {"email":"%s","password":"long-enough-1","displayName":"Owner","kind":"seller","sellerId":"%s"}
                """.formatted(email, seller));
        assertThat(created.status()).isEqualTo(201);

        var browser = new BrowserSession(port);
        assertThat(browser.signIn(email, "long-enough-1").headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/seller"));
        assertThat(browser.get("/seller").body()).contains("Portal Account Co");
    }

    @Test
    void aSecondAccountWithTheSameEmailIsAConflict() {
        String email = "twice-" + UUID.randomUUID() + "@example.com";
        String body = """
                {"email":"%s","password":"long-enough-1","displayName":"Staff","kind":"operator","roles":["finance"]}
                """.formatted(email);
        assertThat(api.post("/api/v1/ops/accounts", Api.ADMIN_KEY, body).status()).isEqualTo(201);
        var again = api.post("/api/v1/ops/accounts", Api.ADMIN_KEY, body.replace(email, email.toUpperCase()));
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:entrepot:problem:duplicate-email");
    }

    @Test
    void inconsistentAccountsAreRejectedWithAReason() {
        var operatorWithoutRoles = api.post("/api/v1/ops/accounts", Api.ADMIN_KEY, """
                {"email":"norole-%s@example.com","password":"long-enough-1","displayName":"X","kind":"operator"}
                """.formatted(UUID.randomUUID()));
        assertThat(operatorWithoutRoles.status()).isEqualTo(400);
        assertThat(operatorWithoutRoles.json().get("detail").asString()).contains("at least one role");

        var sellerUserOfNobody = api.post("/api/v1/ops/accounts", Api.ADMIN_KEY, """
                {"email":"ghost-%s@example.com","password":"long-enough-1","displayName":"X","kind":"seller","sellerId":"%s"}
                """.formatted(UUID.randomUUID(), UUID.randomUUID()));
        assertThat(sellerUserOfNobody.status()).isEqualTo(404);

        var shortPassword = api.post("/api/v1/ops/accounts", Api.ADMIN_KEY, """
                {"email":"short@example.com","password":"short","displayName":"X","kind":"buyer"}
                """);
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().get("errors").get(0).get("field").asString()).isEqualTo("password");
    }
}
