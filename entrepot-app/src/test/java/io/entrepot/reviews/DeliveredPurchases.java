package io.entrepot.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import java.net.http.HttpRequest;
import java.util.UUID;

/** Test purchases that end delivered, ready to be reviewed: sellers with a product titled to be found, and orders. */
final class Purchases {

    private final Api api;

    Purchases(Api api) {
        this.api = api;
    }

    /** A delivered purchase: its order line and the e-mail that proves it. */
    record Delivered(UUID sellerOrder, UUID line, String email) {
    }

    record Product(UUID productId, UUID offerId) {
    }

    /** A one-SKU product with a title of our choosing, live in the Philippines. */
    Product product(Fixtures.SellerWithKey seller, String title, String price) {
        String code = "R" + Long.toString(System.nanoTime(), 36);
        var created = api.post("/api/v1/seller/products", seller.key(), """
                {"category":"lighting","fallbackLocale":"en","contents":[{"locale":"en","title":"%s","description":"A lamp"}],
                 "skus":[{"code":"%s","basePrice":{"amount":%s,"currency":"CNY"},"weightGrams":300,"lengthMm":100,"widthMm":100,"heightMm":50,
                          "stock":[{"warehouseId":"%s","available":500}]}]}
                """.formatted(title, code, price, seller.warehouseId()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID product = UUID.fromString(created.json().get("id").asString());
        var published = api.post("/api/v1/seller/products/" + product + "/publications", seller.key(), "{\"markets\":[\"PH\"],\"markupPct\":0}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        assertThat(published.json().get("offers").get(0).get("status").asString()).as(published.body()).isEqualTo("LIVE");
        UUID offer = api.get("/api/v1/seller/offers?market=PH", seller.key()).json().valueStream()
                .filter(o -> o.get("productId").asString().equals(product.toString())).map(o -> UUID.fromString(o.get("offerId").asString()))
                .findFirst().orElseThrow();
        return new Product(product, offer);
    }

    /** Buys one unit, has the seller ship it and logistics record delivery (no carrier scans on the way). */
    Delivered deliveredWithoutScans(Fixtures.SellerWithKey seller, UUID offer, String email, String street, String token) {
        return deliveredWithoutScans(seller, offer, email, street, token, null);
    }

    /** The same, the order placed from {@code clientAddress} as a proxy in front of the platform reports it. */
    Delivered deliveredWithoutScans(Fixtures.SellerWithKey seller, UUID offer, String email, String street, String token,
            @org.jspecify.annotations.Nullable String clientAddress) {
        Placed placed = place(offer, email, street, token, clientAddress);
        assertThat(api.post("/api/v1/seller/orders/" + placed.sellerOrder() + "/shipments", seller.key(), "{}").status()).isEqualTo(201);
        var delivered = api.post("/api/v1/ops/seller-orders/" + placed.sellerOrder() + "/delivery", Api.ADMIN_KEY, "{}");
        assertThat(delivered.status()).as(delivered.body()).isEqualTo(200);
        return new Delivered(placed.sellerOrder(), placed.line(), email);
    }

    record Placed(UUID sellerOrder, UUID line) {
    }

    Placed place(UUID offer, String email, String street, String token) {
        return place(offer, email, street, token, null);
    }

    Placed place(UUID offer, String email, String street, String token, @org.jspecify.annotations.Nullable String clientAddress) {
        var quote = api.post("/api/v1/storefront/PH/quotes", null, """
                {"lines":[{"offerId":"%s","quantity":1}],"address":{"name":"Buyer","line1":"%s","city":"Manila","postalCode":"1000","country":"PH"}}
                """.formatted(offer, street));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var request = api.request("/api/v1/storefront/PH/orders", null).header("Content-Type", "application/json")
                .header("Idempotency-Key", "review-" + UUID.randomUUID());
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        var order = api.send(request.POST(HttpRequest.BodyPublishers.ofString("{\"quoteId\":\"%s\",\"email\":\"%s\",\"paymentToken\":\"%s\"}"
                        .formatted(quote.json().get("id").asString(), email, token))).build());
        assertThat(order.status()).as(order.body()).isEqualTo(201);
        var sellerOrder = order.json().get("sellerOrders").get(0);
        return new Placed(UUID.fromString(sellerOrder.get("id").asString()), UUID.fromString(sellerOrder.get("lines").get(0).get("id").asString()));
    }

    Api.Response review(Delivered purchase, int rating, String text, String locale) {
        return review(purchase.line(), purchase.email(), rating, text, locale);
    }

    Api.Response review(UUID line, String email, int rating, String text, String locale) {
        return api.post("/api/v1/storefront/PH/reviews", null, """
                {"orderLineId":"%s","email":"%s","rating":%d,"text":%s,"locale":"%s"}
                """.formatted(line, email, rating, Api.jsonString(text), locale));
    }
}
