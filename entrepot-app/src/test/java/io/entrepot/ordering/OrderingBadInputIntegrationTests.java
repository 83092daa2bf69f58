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
    void aLineOfAnOfferWithSeveralSkusNamesOneAndShipsFromTheWarehouseWithMostOfIt() {
        var created = api.post("/api/v1/ops/sellers", Api.ADMIN_KEY, """
                {"legalName":"Two Warehouses %s","country":"CN","status":"active","payoutCurrency":"CNY",
                 "warehouses":[{"name":"Shenzhen","kind":"origin","country":"CN"},{"name":"Hanoi","kind":"origin","country":"VN"}]}
                """.formatted(UUID.randomUUID()));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        UUID sellerId = UUID.fromString(created.json().get("id").asString());
        String key = api.newSellerKey(sellerId);
        String shenzhen = created.json().get("warehouses").get(0).get("id").asString();
        String hanoi = created.json().get("warehouses").get(1).get("id").asString();
        String code = "V" + Long.toString(System.nanoTime(), 36);
        var product = api.post("/api/v1/seller/products", key, """
                {"category":"lighting","fallbackLocale":"en","contents":[{"locale":"en","title":"Lamp in two sizes","description":"A test item"}],
                 "skus":[{"code":"%1$s-S","basePrice":{"amount":30,"currency":"CNY"},"weightGrams":200,"lengthMm":100,"widthMm":100,"heightMm":50,
                          "stock":[{"warehouseId":"%2$s","available":2},{"warehouseId":"%3$s","available":5}]},
                         {"code":"%1$s-L","basePrice":{"amount":40,"currency":"CNY"},"weightGrams":300,"lengthMm":100,"widthMm":100,"heightMm":50,
                          "stock":[{"warehouseId":"%2$s","available":1}]}]}
                """.formatted(code, shenzhen, hanoi));
        assertThat(product.status()).as(product.body()).isEqualTo(201);
        String productId = product.json().get("id").asString();
        UUID small = UUID.fromString(product.json().get("skus").valueStream().filter(s -> s.get("code").asString().endsWith("-S")).findFirst()
                .orElseThrow().get("id").asString());
        UUID large = UUID.fromString(product.json().get("skus").valueStream().filter(s -> s.get("code").asString().endsWith("-L")).findFirst()
                .orElseThrow().get("id").asString());
        assertThat(api.post("/api/v1/seller/products/" + productId + "/publications", key, "{\"markets\":[\"PH\"],\"markupPct\":0}").status())
                .isEqualTo(200);
        UUID twoSkus = UUID.fromString(api.get("/api/v1/seller/offers?market=PH", key).json().valueStream()
                .filter(o -> o.get("productId").asString().equals(productId)).findFirst().orElseThrow().get("offerId").asString());

        var unnamed = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(twoSkus));
        problem(unnamed, 400);
        assertThat(unnamed.json().get("detail").asString()).contains("has 2 SKUs");
        problem(shop.quote("PH", "[{\"offerId\":\"%s\",\"skuId\":\"%s\",\"quantity\":1}]".formatted(twoSkus, UUID.randomUUID())), 404);
        problem(shop.quote("PH", "[{\"offerId\":\"%s\",\"skuId\":\"%s\",\"quantity\":8}]".formatted(twoSkus, small)), 409);
        // 7 of the small size in all, 5 of them in Hanoi: the parcel ships from Vietnam; the large size only from China.
        var smalls = shop.quote("PH", "[{\"offerId\":\"%s\",\"skuId\":\"%s\",\"quantity\":7}]".formatted(twoSkus, small));
        assertThat(smalls.status()).as(smalls.body()).isEqualTo(201);
        assertThat(smalls.json().at("/sellers/0/originCountry").asString()).isEqualTo("VN");
        assertThat(smalls.json().at("/sellers/0/lines/0/skuCode").asString()).isEqualTo(code + "-S");
        assertThat(smalls.json().at("/sellers/0/weightGrams").asInt()).isEqualTo(1400);
        var both = shop.quote("PH", "[{\"offerId\":\"%s\",\"skuId\":\"%s\",\"quantity\":1},{\"offerId\":\"%s\",\"skuId\":\"%s\",\"quantity\":1}]"
                .formatted(twoSkus, large, twoSkus, small));
        assertThat(both.status()).as(both.body()).isEqualTo(201);
        assertThat(both.json().at("/sellers/0/lines").valueStream().map(l -> l.get("skuCode").asString()).toList())
                .containsExactlyInAnyOrder(code + "-S", code + "-L");
        assertThat(both.json().at("/sellers/0/originCountry").asString()).isEqualTo("CN");
        assertThat(both.json().at("/sellers/0/goods/amount").decimalValue()).isGreaterThan(smalls.json().at("/sellers/0/lines/0/unitPrice/amount").decimalValue());
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
