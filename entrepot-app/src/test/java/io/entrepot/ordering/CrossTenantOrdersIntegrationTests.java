package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** RELIABILITY 11 for orders and money: seller A's key with seller B's ids gets 404 and nothing of B's. */
@IntegrationTest
class CrossTenantOrdersIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void aSellerCannotSeeShipCancelOrRefundAnotherSellersOrder() {
        var api = new Api(port);
        var shop = new Shop(api);
        Fixtures.freshRates(api);
        var a = shop.seller("Tenant A " + UUID.randomUUID(), "CN", "CNY");
        var b = shop.seller("Tenant B " + UUID.randomUUID(), "CN", "CNY");
        UUID offer = shop.liveOffer(b, "PH", "lighting", "77.00", "CNY", 200, 5, 0);
        var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer)).json();
        var order = shop.order("PH", "tenant-" + UUID.randomUUID(), UUID.fromString(quote.get("id").asString()), "tok_visa").json();
        String so = order.get("sellerOrders").get(0).get("id").asString();

        for (var response : java.util.List.of(api.get("/api/v1/seller/orders/" + so, a.key()),
                api.post("/api/v1/seller/orders/" + so + "/shipments", a.key(), "{}"),
                api.post("/api/v1/seller/orders/" + so + "/cancellation", a.key(), "{\"reason\":\"not mine\"}"),
                shop.postWithKey("/api/v1/seller/orders/" + so + "/refunds", a.key(), "x-" + UUID.randomUUID(), "{\"reason\":\"not mine\"}"))) {
            assertThat(response.status()).as(response.body()).isEqualTo(404);
            assertThat(response.body()).doesNotContain("Tenant B").doesNotContain(b.sellerId().toString());
        }
        assertThat(api.get("/api/v1/seller/orders", a.key()).json().size()).isZero();
        assertThat(api.get("/api/v1/seller/balances", a.key()).json().size()).isZero();
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        assertThat(api.get("/api/v1/seller/statements/" + month + "?currency=CNY", a.key()).json().get("lines").size()).isZero();
        // B's order is untouched: still placed, and B can ship it.
        assertThat(api.get("/api/v1/seller/orders/" + so, b.key()).json().get("status").asString()).isEqualTo("placed");
        assertThat(api.post("/api/v1/seller/orders/" + so + "/shipments", b.key(), "{}").status()).isEqualTo(201);
        assertThat(api.get("/api/v1/seller/orders/" + so, b.key()).json().get("status").asString()).isEqualTo("shipped");
        assertThat(api.get("/api/v1/seller/statements/" + month + "?currency=CNY", b.key()).json().get("lines").size()).isPositive();
    }
}
