package io.entrepot.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.Shop;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Shipped orders on a CN→VN lane of their own, through a Vietnamese import checkpoint of their own, so a
 * disruption of that checkpoint strands exactly them in the shared test database. The lane is cheaper
 * than the seeded one (quotes choose it); earlier runs' lanes of this kind are closed first.
 */
record StrandedOrders(String checkpoint, Fixtures.SellerWithKey seller, List<UUID> sellerOrders) {

    static StrandedOrders ship(Api api, String... paymentTokens) {
        var shop = new Shop(api);
        Fixtures.freshRates(api);
        String finance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"dong rates\"}").json().get("key").asString();
        for (String[] pair : new String[][] {{"CNY", "VND", "3400"}, {"USD", "VND", "25400"}}) {
            var set = api.send(api.request("/api/v1/ops/fx/overrides/" + pair[0] + "/" + pair[1], finance).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"rate\":" + pair[2] + ",\"reason\":\"test rate\"}")).build());
            assertThat(set.status()).as(set.body()).isEqualTo(200);
        }
        for (JsonNode lane : api.get("/api/v1/ops/lanes/from/CN", Api.ADMIN_KEY).json()) {
            if (lane.get("destinationMarket").asString().equals("VN") && lane.get("carrierService").asString().startsWith("Scenario Air")) {
                api.delete("/api/v1/ops/lanes/CN/VN?carrierService=" + lane.get("carrierService").asString().replace(" ", "%20"), Api.ADMIN_KEY);
            }
        }
        String run36 = Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
        String checkpoint = "VN-S" + run36 + "-IMPORT";
        String service = "Scenario Air " + run36;
        assertThat(api.post("/api/v1/ops/checkpoints", Api.ADMIN_KEY, """
                {"code":"%s","country":"VN","kind":"import","name":"Ho Chi Minh City (Tan Son Nhat) import customs, test %s"}
                """.formatted(checkpoint, run36)).status()).isEqualTo(201);
        var opened = api.post("/api/v1/ops/lanes", Api.ADMIN_KEY, """
                {"originCountry":"CN","destinationMarket":"VN","carrierService":"%s","transitDaysMin":3,"transitDaysMax":8,"importCheckpoint":"%s"}
                """.formatted(service, checkpoint));
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        var rates = api.send(api.request("/api/v1/ops/lanes/CN/VN/rates", Api.ADMIN_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("""
                        {"carrierService":"%s","bands":[{"upToGrams":1000,"price":2.00,"currency":"USD"},{"upToGrams":30000,"price":4.00,"currency":"USD"}]}
                        """.formatted(service))).build());
        assertThat(rates.status()).as(rates.body()).isEqualTo(200);
        var seller = shop.seller("Stranded Lamps " + run36, "CN", "CNY");
        UUID offer = shop.liveOffer(seller, "VN", "lighting", "50.00", "CNY", 300, 100, 0);
        List<UUID> orders = new ArrayList<>();
        for (String token : paymentTokens) {
            var quote = api.post("/api/v1/storefront/VN/quotes", null, """
                    {"lines":[{"offerId":"%s","quantity":1}],"address":{"name":"Tran Binh","line1":"2 Hai Ba Trung","city":"Hanoi","postalCode":"100000","country":"VN"}}
                    """.formatted(offer));
            assertThat(quote.status()).as(quote.body()).isEqualTo(201);
            var order = shop.order("VN", "stranded-" + UUID.randomUUID(), UUID.fromString(quote.json().get("id").asString()), token);
            assertThat(order.status()).as(order.body()).isEqualTo(201);
            UUID so = UUID.fromString(order.json().get("sellerOrders").get(0).get("id").asString());
            assertThat(api.post("/api/v1/seller/orders/" + so + "/shipments", seller.key(), "{}").status()).isEqualTo(201);
            orders.add(so);
        }
        return new StrandedOrders(checkpoint, seller, List.copyOf(orders));
    }
}
