package io.entrepot.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Buyers linked by the network address their orders came from (as the proxy in front of the platform
 * reports it): three "different" buyers of one seller ordering from one public address are linked; a
 * buyer from elsewhere is not; and private addresses link nobody.
 */
@IntegrationTest
class LinkedAccountsIntegrationTests {

    @LocalServerPort
    int port;

    @Test
    void buyersOrderingFromOnePublicAddressAreLinked() {
        var api = new Api(port);
        var buy = new DeliveredPurchases(api);
        Fixtures.freshRates(api);
        String run = Long.toString(System.nanoTime(), 36);
        var seller = new Shop(api).seller("Linked Lamps " + run, "CN", "CNY");
        var lamp = buy.product(seller, "Ceiling lamp " + run, "90.00");
        List<String> texts = GenuineTexts.forRun(5, System.nanoTime());
        String shared = "203.0.113." + (1 + (int) (System.nanoTime() % 250));
        for (int i = 0; i < 3; i++) {
            var purchase = buy.deliveredWithoutScans(seller, lamp.offerId(), "net" + i + "-" + run + "@example.com", (30 + i) + " Roxas Blvd",
                    "tok_net_" + run + i, shared);
            JsonNode link = link(api, buy.review(purchase, 5, texts.get(i), "en").json().get("id").asString());
            if (i == 0) {
                assertThat(link.get("value").asDouble()).isZero();
            } else {
                assertThat(link.get("value").asDouble()).isEqualTo(1.0);
                assertThat(link.get("explanation").asString()).contains((i + 1) + " different buyers of this seller ordered from the same network address");
            }
        }
        var elsewhere = buy.deliveredWithoutScans(seller, lamp.offerId(), "elsewhere-" + run + "@example.com", "77 Ayala Ave", "tok_else_" + run,
                "198.51.100.20");
        assertThat(link(api, buy.review(elsewhere, 4, texts.get(3), "en").json().get("id").asString()).get("value").asDouble()).isZero();
        // Everyone behind the same office network shares a private address: that links nobody.
        var office = buy.deliveredWithoutScans(seller, lamp.offerId(), "office-" + run + "@example.com", "5 Paseo de Roxas", "tok_office_" + run,
                "10.1.2.3");
        assertThat(link(api, buy.review(office, 4, texts.get(4), "en").json().get("id").asString()).get("value").asDouble()).isZero();
    }

    private static JsonNode link(Api api, String review) {
        return api.get("/api/v1/ops/reviews/" + review, Api.ADMIN_KEY).json().get("review").get("signals").valueStream()
                .filter(s -> s.get("name").asString().equals("behaviour.buyer_seller_link")).findFirst().orElseThrow();
    }
}
