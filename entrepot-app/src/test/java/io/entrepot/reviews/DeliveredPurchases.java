package io.entrepot.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.Shop;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Test purchases that end delivered, ready to be reviewed, and reviews of them; built on the shared {@link Shop} fixtures. */
final class DeliveredPurchases {

    private final Api api;
    private final Shop shop;

    DeliveredPurchases(Api api) {
        this.api = api;
        this.shop = new Shop(api);
    }

    /** A delivered purchase: its order line and the e-mail that proves it. */
    record Delivered(UUID sellerOrder, UUID line, String email) {
    }

    /** A one-SKU lamp with a title of our choosing, priced in yuan, live in the Philippines. */
    Shop.LiveProduct product(Fixtures.SellerWithKey seller, String title, String price) {
        return shop.liveProduct(seller, "PH", "lighting", title, price, "CNY", 300, 500, 0);
    }

    /** Buys one unit, has the seller ship it and logistics record delivery (no carrier scans on the way). */
    Delivered deliveredWithoutScans(Fixtures.SellerWithKey seller, UUID offer, String email, String street, String token) {
        return deliveredWithoutScans(seller, offer, email, street, token, null);
    }

    /** The same, the order placed from {@code clientAddress} as a proxy in front of the platform reports it. */
    Delivered deliveredWithoutScans(Fixtures.SellerWithKey seller, UUID offer, String email, String street, String token,
            @Nullable String clientAddress) {
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

    Placed place(UUID offer, String email, String street, String token, @Nullable String clientAddress) {
        var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer), street);
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        var order = shop.order("PH", "review-" + UUID.randomUUID(), UUID.fromString(quote.json().get("id").asString()), email, token, clientAddress);
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
