package io.entrepot.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Checkout fixtures: sellers with a product live in a market, quotes and orders over the API. */
public final class Shop {

    private final Api api;

    public Shop(Api api) {
        this.api = api;
    }

    /** An active seller with one warehouse in a country and a payout currency. */
    public Fixtures.SellerWithKey seller(String name, String country, String payoutCurrency) {
        var created = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY, """
                {"legalName":"%s","country":"%s","status":"active","payoutCurrency":"%s",
                 "warehouses":[{"name":"Main DC","kind":"origin","country":"%s"}]}
                """.formatted(name, country, payoutCurrency, country));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID id = UUID.fromString(created.json().get("id").asString());
        UUID warehouse = UUID.fromString(created.json().get("warehouses").get(0).get("id").asString());
        return new Fixtures.SellerWithKey(id, api.newSellerKey(id), warehouse);
    }

    /** A one-SKU product priced in the seller's currency with stock, published with a markup; returns the offer id in the market. */
    public UUID liveOffer(Fixtures.SellerWithKey seller, String market, String category, String price, String currency, int weightGrams,
            int stock, int markupPct) {
        return liveProduct(seller, market, category, null, price, currency, weightGrams, stock, markupPct).offerId();
    }

    /** A live product and its offer in one market. */
    public record LiveProduct(UUID productId, UUID offerId) {
    }

    /** The same with a title of the caller's choosing (default "Item &lt;code&gt;"), returning the product's id too. */
    public LiveProduct liveProduct(Fixtures.SellerWithKey seller, String market, String category, @Nullable String title, String price,
            String currency, int weightGrams, int stock, int markupPct) {
        String code = "S" + Long.toString(System.nanoTime(), 36);
        var created = api.post("/api/v1/seller/products", seller.key(), """
                {"category":"%s","fallbackLocale":"en","contents":[{"locale":"en","title":"%s","description":"A test item"}],
                 "skus":[{"code":"%s","basePrice":{"amount":%s,"currency":"%s"},"weightGrams":%d,"lengthMm":100,"widthMm":100,"heightMm":50,
                          "stock":[{"warehouseId":"%s","available":%d}]}]}
                """.formatted(category, title == null ? "Item " + code : title, code, price, currency, weightGrams, seller.warehouseId(), stock));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String product = created.json().get("id").asString();
        var published = api.post("/api/v1/seller/products/" + product + "/publications", seller.key(),
                "{\"markets\":[\"%s\"],\"markupPct\":%d}".formatted(market, markupPct));
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonNode offer = published.json().get("offers").get(0);
        assertThat(offer.get("status").asString()).as(published.body()).isEqualTo("LIVE");
        UUID offerId = api.get("/api/v1/seller/offers?market=" + market, seller.key()).json().valueStream()
                .filter(o -> o.get("productId").asString().equals(product)).map(o -> UUID.fromString(o.get("offerId").asString()))
                .findFirst().orElseThrow();
        return new LiveProduct(UUID.fromString(product), offerId);
    }

    public Api.Response quote(String market, String linesJson) {
        return quote(market, linesJson, "12 Rizal Ave");
    }

    /** A quote delivered to another street (the city, postal code and name stay Manila's test values). */
    public Api.Response quote(String market, String linesJson, String street) {
        return api.post("/api/v1/storefront/" + market + "/quotes", null, """
                {"lines":%s,"address":{"name":"Maria Santos","line1":"%s","city":"Manila","postalCode":"1000","country":"%s"}}
                """.formatted(linesJson, street, market));
    }

    public Api.Response order(String market, String key, UUID quote, String token) {
        return order(market, key, quote, "maria@example.com", token, null);
    }

    /** An order by another buyer's e-mail, placed from {@code clientAddress} as a proxy in front of the platform reports it (or not). */
    public Api.Response order(String market, String key, UUID quote, String email, String token, @Nullable String clientAddress) {
        var request = api.request("/api/v1/storefront/" + market + "/orders", null).header("Content-Type", "application/json")
                .header("Idempotency-Key", key);
        if (clientAddress != null) {
            request.header("X-Forwarded-For", clientAddress);
        }
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString("{\"quoteId\":\"%s\",\"email\":\"%s\",\"paymentToken\":\"%s\"}"
                .formatted(quote, email, token))).build());
    }

    /** A JSON POST with an Idempotency-Key header (refunds, payouts). */
    public Api.Response postWithKey(String path, String key, String keyValue, String body) {
        return api.send(api.request(path, key).header("Content-Type", "application/json").header("Idempotency-Key", keyValue)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
