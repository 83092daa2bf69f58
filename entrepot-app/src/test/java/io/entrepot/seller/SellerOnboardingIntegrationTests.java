package io.entrepot.seller;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.BrowserSession;
import io.entrepot.support.IntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Sellers join by the operator or by themselves, wait for review, and every change to them is on record. */
@IntegrationTest
class SellerOnboardingIntegrationTests {

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
    }

    @Test
    void anOperatorRegistersASellerFromAPilotZoneWithWarehouses() {
        var created = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY, """
                {"legalName":"Yiwu Lantern Crafts Co., Ltd.","displayName":"Lantern Crafts","country":"CN",
                 "registrationNumber":"91330782MA2EXAMPLE","originZone":"yiwu","payoutCurrency":"CNY",
                 "warehouses":[{"name":"Yiwu main","kind":"origin","country":"CN"},{"name":"Manila hub","kind":"overseas","country":"PH"}]}
                """);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var seller = created.json();
        assertThat(seller.get("status").asString()).isEqualTo("pending_review");
        assertThat(seller.get("originZone").asString()).isEqualTo("Yiwu");
        assertThat(seller.get("payoutCurrency").asString()).isEqualTo("CNY");
        assertThat(seller.get("warehouses").valueStream().map(w -> w.get("kind").asString() + ":" + w.get("country").asString()))
                .containsExactly("origin:CN", "overseas:PH");
    }

    @Test
    void statusAndRestrictionsChangeWithAReasonAndLeaveAHistory() {
        UUID seller = UUID.fromString(api.post("/api/v1/ops/sellers", Api.ADMIN_KEY,
                "{\"legalName\":\"Review Me Co\",\"country\":\"CN\"}").json().get("id").asString());
        assertThat(api.post("/api/v1/ops/sellers/" + seller + "/approve", Api.ADMIN_KEY, "{\"reason\":\"KYB documents checked\"}")
                .json().get("status").asString()).isEqualTo("active");
        var again = api.post("/api/v1/ops/sellers/" + seller + "/approve", Api.ADMIN_KEY, "{\"reason\":\"twice\"}");
        assertThat(again.status()).isEqualTo(409);
        var restricted = api.send(api.request("/api/v1/ops/sellers/" + seller + "/restrictions/cannot_publish", Api.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"counterfeit listings under review\"}")).build());
        assertThat(restricted.json().get("restrictions").get(0).asString()).isEqualTo("cannot_publish");
        var history = api.get("/api/v1/ops/sellers/" + seller + "/history", Api.ADMIN_KEY).json();
        assertThat(history.valueStream().map(e -> e.get("change").asString()))
                .containsExactly("registered", "status", "restriction imposed");
        assertThat(history.get(2).get("reason").asString()).isEqualTo("counterfeit listings under review");
        assertThat(history.get(2).get("actor").asString()).startsWith("operator:");
        assertThat(history.get(2).get("at").asString()).isNotBlank();
    }

    @Test
    void aBusinessSignsItselfUpAndWaitsForReview() {
        String email = "apply-" + UUID.randomUUID() + "@example.com";
        var applied = api.post("/api/v1/storefront/seller-applications", null, """
                {"legalName":"Ningbo Harbour Tools Co., Ltd.","displayName":"Harbour Tools","country":"CN",
                 "registrationNumber":"91330200EXAMPLE","originZone":"Ningbo","payoutCurrency":"CNY",
                 "email":"%s","password":"a-long-password","contactName":"Chen Jie"}
                """.formatted(email));
        assertThat(applied.status()).as(applied.body()).isEqualTo(201);
        assertThat(applied.json().get("status").asString()).isEqualTo("pending_review");
        var browser = new BrowserSession(port);
        browser.signIn(email, "a-long-password");
        assertThat(browser.get("/seller").body()).contains("Harbour Tools").contains("Pending review");
    }

    @Test
    void badOnboardingInputIsRefusedAndNothingIsWritten() {
        String email = "bad-" + UUID.randomUUID() + "@example.com";
        var unknownZone = api.post("/api/v1/storefront/seller-applications", null, """
                {"legalName":"Nowhere Co","displayName":"Nowhere","country":"CN","registrationNumber":"X1",
                 "originZone":"Atlantis","payoutCurrency":"CNY","email":"%s","password":"a-long-password","contactName":"A"}
                """.formatted(email));
        assertThat(unknownZone.status()).isEqualTo(400);
        assertThat(unknownZone.json().get("detail").asString()).contains("Atlantis");
        var retry = api.post("/api/v1/storefront/seller-applications", null, """
                {"legalName":"Nowhere Co","displayName":"Nowhere","country":"CN","registrationNumber":"X1",
                 "originZone":"Hangzhou","payoutCurrency":"CNY","email":"%s","password":"a-long-password","contactName":"A"}
                """.formatted(email));
        assertThat(retry.status()).as("the failed attempt left no account behind").isEqualTo(201);
        var badWarehouse = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY,
                "{\"legalName\":\"W Co\",\"country\":\"CN\",\"warehouses\":[{\"name\":\"x\",\"kind\":\"moon\",\"country\":\"CN\"}]}");
        assertThat(badWarehouse.status()).isEqualTo(400);
        assertThat(badWarehouse.json().get("errors").get(0).get("field").asString()).isEqualTo("warehouses[0].kind");
        var badRestriction = api.send(api.request("/api/v1/ops/sellers/" + UUID.randomUUID() + "/restrictions/cannot_fly", Api.ADMIN_KEY)
                .header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"reason\":\"x\"}")).build());
        assertThat(badRestriction.status()).isEqualTo(400);
    }

    @Test
    void aSellerAddsItsOwnWarehouse() {
        String key = api.newSellerKey(api.newSeller("Warehouse Co"));
        var added = api.post("/api/v1/seller/warehouses", key, "{\"name\":\"Los Angeles 3PL\",\"kind\":\"overseas\",\"country\":\"US\"}");
        assertThat(added.status()).isEqualTo(201);
        assertThat(api.get("/api/v1/seller/profile", key).json().get("warehouses").get(0).get("country").asString()).isEqualTo("US");
    }
}
