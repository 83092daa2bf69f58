package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.net.http.HttpRequest;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Bad input to checkout, orders, refunds, payouts and fee rules: a clear 4xx problem, never a 5xx, nothing half-written. */
@IntegrationTest
class OrderingBadInputIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    Api api;
    Shop shop;
    Fixtures.SellerWithKey seller;
    UUID offer;
    String finance;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        Fixtures.freshRates(api);
        seller = shop.seller("Bad Input Lamps " + UUID.randomUUID(), "CN", "CNY");
        offer = shop.liveOffer(seller, "PH", "lighting", "30.00", "CNY", 200, 5, 0);
        finance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"bad input\"}").json().get("key").asString();
    }

    @Test
    void badQuotesAreProblems() {
        long quotes = count("ordering.quote");
        problem(shop.quote("PH", "[]"), 400);
        problem(shop.quote("PH", "[{\"offerId\":\"not-a-uuid\",\"quantity\":1}]"), 400);
        problem(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":0}]".formatted(offer)), 400);
        problem(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":\"two\"}]".formatted(offer)), 400);
        problem(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1000000000000}]".formatted(offer)), 400);
        problem(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":6}]".formatted(offer)), 409);
        problem(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(UUID.randomUUID())), 404);
        problem(shop.quote("SG", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer)), 409);
        problem(shop.quote("QQ", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer)), 400);
        problem(shop.quote("CA", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer)), 404);
        problem(api.post("/api/v1/storefront/PH/quotes", null, "{\"lines\":[{\"offerId\":\"%s\",\"quantity\":1}],\"address\":{\"name\":\"x\",\"line1\":\"y\",\"city\":\"z\",\"country\":\"SG\"}}"
                .formatted(offer)), 400);
        problem(api.post("/api/v1/storefront/PH/quotes", null, "{\"lines\":[{\"offerId\":\"%s\",\"quantity\":1}],\"address\":{\"name\":\"'; drop table ordering.quote; --\",\"line1\":\"\",\"city\":\"z\",\"country\":\"PH\"}}"
                .formatted(offer)), 400);
        problem(api.post("/api/v1/storefront/PH/quotes", null, "{\"lines\":"), 400);
        assertThat(count("ordering.quote")).isEqualTo(quotes);
        problem(api.get("/api/v1/storefront/quotes/" + UUID.randomUUID(), null), 404);
        problem(api.get("/api/v1/storefront/quotes/nope", null), 400);
    }

    @Test
    void badOrdersAreProblemsAndWriteNothing() {
        UUID quote = UUID.fromString(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer)).json().get("id").asString());
        long orders = count("ordering.buyer_order");
        var noKey = api.post("/api/v1/storefront/PH/orders", null, "{\"quoteId\":\"%s\",\"email\":\"a@b.example\",\"paymentToken\":\"tok_visa\"}".formatted(quote));
        problem(noKey, 400);
        assertThat(noKey.json().get("type").asString()).isEqualTo("urn:entrepot:problem:idempotency-key-required");
        problem(shop.order("PH", "k-" + UUID.randomUUID(), UUID.randomUUID(), "tok_visa"), 404);
        problem(shop.order("SG", "k-" + UUID.randomUUID(), quote, "tok_visa"), 400);
        problem(shop.order("PH", "k-" + UUID.randomUUID(), quote, "4242 4242 4242 4242"), 400);
        problem(shop.order("PH", "k-" + UUID.randomUUID(), quote, "tok_<script>"), 400);
        problem(order("{\"quoteId\":\"%s\",\"email\":\"not an email\",\"paymentToken\":\"tok_visa\"}".formatted(quote)), 400);
        problem(order("{\"quoteId\":12,\"email\":\"a@b.example\",\"paymentToken\":\"tok_visa\"}"), 400);
        problem(order("not json"), 400);
        var tooLongKey = api.send(api.request("/api/v1/storefront/PH/orders", null).header("Content-Type", "application/json")
                .header("Idempotency-Key", "k".repeat(300)).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"quoteId\":\"%s\",\"email\":\"a@b.example\",\"paymentToken\":\"tok_visa\"}".formatted(quote))).build());
        problem(tooLongKey, 400);
        assertThat(count("ordering.buyer_order")).isEqualTo(orders);
        assertThat(count("ordering.idempotency_key where key like 'k-%'")).isZero();
    }

    @Test
    void badRefundsPayoutsAndFeeRulesAreProblems() {
        UUID quote = UUID.fromString(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer)).json().get("id").asString());
        UUID so = UUID.fromString(shop.order("PH", "ok-" + UUID.randomUUID(), quote, "tok_visa").json().get("sellerOrders").get(0).get("id").asString());
        api.post("/api/v1/seller/orders/" + so + "/shipments", seller.key(), "{}");
        String path = "/api/v1/seller/orders/" + so + "/refunds";
        problem(shop.postWithKey(path, seller.key(), "r-" + UUID.randomUUID(), "{\"amount\":-5,\"reason\":\"x\"}"), 400);
        problem(shop.postWithKey(path, seller.key(), "r-" + UUID.randomUUID(), "{\"amount\":1.001,\"reason\":\"x\"}"), 400);
        problem(shop.postWithKey(path, seller.key(), "r-" + UUID.randomUUID(), "{\"amount\":\"lots\",\"reason\":\"x\"}"), 400);
        problem(shop.postWithKey(path, seller.key(), "r-" + UUID.randomUUID(), "{\"amount\":10}"), 400);
        problem(api.post(path, seller.key(), "{\"reason\":\"no key\"}"), 400);
        problem(shop.postWithKey("/api/v1/seller/orders/" + UUID.randomUUID() + "/refunds", seller.key(), "r-x", "{\"reason\":\"x\"}"), 404);
        problem(shop.postWithKey("/api/v1/ops/payouts", finance, "p-" + UUID.randomUUID(), "{\"sellerId\":\"nope\",\"currency\":\"CNY\"}"), 400);
        problem(shop.postWithKey("/api/v1/ops/payouts", finance, "p-" + UUID.randomUUID(), "{\"sellerId\":\"%s\",\"currency\":\"yuan\"}".formatted(seller.sellerId())), 400);
        problem(shop.postWithKey("/api/v1/ops/payouts", finance, "p-" + UUID.randomUUID(), "{\"sellerId\":\"%s\",\"currency\":\"CNY\"}".formatted(seller.sellerId())), 409);
        problem(api.post("/api/v1/ops/payouts", finance, "{\"sellerId\":\"%s\",\"currency\":\"CNY\"}".formatted(seller.sellerId())), 400);
        problem(api.post("/api/v1/ops/payouts", seller.key(), "{}"), 403);
        problem(api.send(api.request("/api/v1/ops/sellers/" + seller.sellerId() + "/reserve", finance).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"pct\":150,\"reason\":\"x\"}")).build()), 400);
        problem(api.post("/api/v1/ops/fees/rules", finance, """
                {"feeType":"commission","pct":5,"fixed":1,"label":"no currency","effectiveFrom":"2026-01-01T00:00:00Z"}"""), 400);
        problem(api.post("/api/v1/ops/fees/rules", finance, """
                {"feeType":"bribe","pct":5,"label":"x","effectiveFrom":"2026-01-01T00:00:00Z"}"""), 400);
        problem(api.post("/api/v1/ops/fees/promotions", finance, """
                {"name":"x","cohort":"seller_first_days","days":0,"pct":0,"activeFrom":"2026-01-01T00:00:00Z"}"""), 400);
        problem(api.get("/api/v1/seller/statements/2026-13?currency=CNY", seller.key()), 400);
        problem(api.get("/api/v1/seller/statements/2026-11?currency=XYZ1", seller.key()), 400);
        problem(api.send(api.request("/api/v1/ops/lanes/CN/PH/rates", Api.ADMIN_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"carrierService\":\"Entrepot Air Economy\",\"bands\":[{\"upToGrams\":0,\"price\":5,\"currency\":\"USD\"}]}"))
                .build()), 400);
        problem(api.send(api.request("/api/v1/ops/lanes/CN/PH/rates", Api.ADMIN_KEY).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"carrierService\":\"No Such Service\",\"bands\":[{\"upToGrams\":500,\"price\":5,\"currency\":\"USD\"}]}"))
                .build()), 404);
        problem(api.post("/api/v1/ops/seller-orders/" + UUID.randomUUID() + "/delivery", Api.ADMIN_KEY, "{}"), 404);
        problem(api.post("/api/v1/seller/orders/" + so + "/cancellation", seller.key(), "{\"reason\":\"too late\"}"), 409);
    }

    private Api.Response order(String body) {
        return api.send(api.request("/api/v1/storefront/PH/orders", null).header("Content-Type", "application/json")
                .header("Idempotency-Key", "k-" + UUID.randomUUID()).POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private static void problem(Api.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
    }

    private long count(String table) {
        return new SystemSql(jdbc, tx).number("select count(*) from " + table);
    }
}
