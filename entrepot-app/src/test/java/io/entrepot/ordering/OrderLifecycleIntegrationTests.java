package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A buyer in the Philippines buys from two sellers, one paid out in yuan and one in dollars: quote by
 * the PH rules, order, capture on shipment, delivery, release after the return window, refunds.
 * Rates (Fixtures.freshRates): 1 EUR = 7.70 CNY = 63.80 PHP = 1.085 USD.
 */
@IntegrationTest
class OrderLifecycleIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Orders orders;
    Api api;
    Shop shop;
    Fixtures.SellerWithKey yuanSeller;
    Fixtures.SellerWithKey dollarSeller;
    UUID lamp;
    UUID scarf;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        Fixtures.freshRates(api);
        yuanSeller = shop.seller("Lamp Works " + UUID.randomUUID(), "CN", "CNY");
        dollarSeller = shop.seller("Silk Road Scarves " + UUID.randomUUID(), "VN", "USD");
        // The yuan seller joined 120 days ago: past the 90-day welcome promotion, it pays the schedule.
        ActorContext.runAs(Actor.system("test-setup"), () -> tx.executeWithoutResult(s -> jdbc.sql(
                "update seller.seller set created_at = :at where id = :id").param("at", java.sql.Timestamp.from(Instant.now().minus(Duration.ofDays(120))))
                .param("id", yuanSeller.sellerId()).update()));
        // 100 CNY × 63.80/7.70 × 1.10 = 911.43 → 911 PHP; 20 USD × 63.80/1.085 × 1.10 = 1,293.64 → 1,294 PHP.
        lamp = shop.liveOffer(yuanSeller, "PH", "lighting", "100.00", "CNY", 300, 20, 10);
        scarf = shop.liveOffer(dollarSeller, "PH", "silk-scarves", "20.00", "USD", 300, 20, 10);
    }

    @Test
    void aPhilippineBuyerPaysTwoSellersWhoAreCreditedInTheirOwnCurrencyAfterTheReturnWindow() {
        var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":2},{\"offerId\":\"%s\",\"quantity\":1}]".formatted(lamp, scarf));
        assertThat(quote.status()).as(quote.body()).isEqualTo(201);
        JsonNode q = quote.json();
        JsonNode lampParcel = parcelOf(q, yuanSeller.sellerId());
        JsonNode scarfParcel = parcelOf(q, dollarSeller.sellerId());
        assertThat(amount(lampParcel.get("goods"))).isEqualTo("1822.00");
        // 600 g from CN: band up to 1,000 g = 8.50 USD × 63.80/1.085 = 499.82 PHP; 300 g from VN: 5.50 USD → 323.41 PHP.
        assertThat(amount(lampParcel.get("shipping"))).isEqualTo("499.82");
        assertThat(amount(scarfParcel.get("shipping"))).isEqualTo("323.41");
        // PH: FOB 1,822 and 1,294 are within the 10,000 PHP de minimis: no duty, no VAT.
        assertThat(lampParcel.get("duty").get("status").asString()).isEqualTo("not_due");
        assertThat(lampParcel.get("tax").get("status").asString()).isEqualTo("not_due");
        assertThat(lampParcel.get("tax").get("explanation").asString()).contains("de minimis");
        assertThat(amount(q.get("totals").get("total"))).isEqualTo("3939.23");
        assertThat(q.get("validUntil").asString()).isNotBlank();

        var placed = shop.order("PH", "lifecycle-" + UUID.randomUUID(), UUID.fromString(q.get("id").asString()), "tok_visa");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        JsonNode order = placed.json();
        assertThat(order.get("status").asString()).isEqualTo("placed");
        assertThat(amount(order.get("total"))).isEqualTo("3939.23");
        UUID lampOrder = sellerOrderOf(order, yuanSeller.sellerId());
        UUID scarfOrder = sellerOrderOf(order, dollarSeller.sellerId());

        var lampView = api.get("/api/v1/seller/orders/" + lampOrder, yuanSeller.key()).json();
        // Schedule 8% of 1,822 = 145.76; the new dollar seller is in its first 90 days: 0%.
        assertThat(amount(lampView.get("commission"))).isEqualTo("145.76");
        assertThat(lampView.get("lines").get(0).get("commissionRule").asString()).contains("schedule 8%");
        var scarfView = api.get("/api/v1/seller/orders/" + scarfOrder, dollarSeller.key()).json();
        assertThat(amount(scarfView.get("commission"))).isEqualTo("0.00");
        assertThat(scarfView.get("lines").get(0).get("commissionRule").asString()).contains("promotion").contains("first 90 days");
        assertThat(api.get("/api/v1/seller/orders/" + lampOrder, dollarSeller.key()).status()).as("another seller's order").isEqualTo(404);

        assertThat(api.post("/api/v1/seller/orders/" + lampOrder + "/shipments", yuanSeller.key(), "{}").status()).isEqualTo(201);
        var shippedScarf = api.post("/api/v1/seller/orders/" + scarfOrder + "/shipments", dollarSeller.key(), "{}");
        assertThat(shippedScarf.status()).as(shippedScarf.body()).isEqualTo(201);
        assertThat(shippedScarf.json().get("status").asString()).isEqualTo("label_created");
        assertThat(shippedScarf.json().get("trackingNumber").asString()).matches("EP\\d{12}XX");
        // Payment fee 2.9%: 52.84 and 37.53. Net 1,822 − 145.76 − 52.84 = 1,623.40 PHP × 7.70/63.80 = 195.93 CNY;
        // 1,294 − 37.53 = 1,256.47 PHP × 1.085/63.80 = 21.37 USD.
        var lampShipped = api.get("/api/v1/seller/orders/" + lampOrder, yuanSeller.key()).json();
        assertThat(amount(lampShipped.get("paymentFee"))).isEqualTo("52.84");
        assertThat(amount(lampShipped.get("netPayout"))).isEqualTo("195.93");
        assertThat(lampShipped.get("fxRate").decimalValue()).isEqualByComparingTo("0.120689655172414");
        assertThat(amount(api.get("/api/v1/seller/orders/" + scarfOrder, dollarSeller.key()).json().get("netPayout"))).isEqualTo("21.37");
        assertThat(balance(yuanSeller, "pending", "CNY")).isEqualTo("195.93");

        String logistics = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"logistics\",\"label\":\"delivery\"}").json().get("key").asString();
        assertThat(api.post("/api/v1/ops/seller-orders/" + lampOrder + "/delivery", logistics, "{}").status()).isEqualTo(200);
        assertThat(api.post("/api/v1/ops/seller-orders/" + scarfOrder + "/delivery", logistics, "{}").status()).isEqualTo(200);
        // PH has no statutory return window (0 days): released at once.
        assertThat(api.post("/api/v1/ops/ledger/releases", Api.ADMIN_KEY, "{}").status()).isEqualTo(200);
        assertThat(balance(yuanSeller, "available", "CNY")).isEqualTo("195.93");
        assertThat(balance(yuanSeller, "pending", "CNY")).isEqualTo("0.00");
        assertThat(balance(dollarSeller, "available", "USD")).isEqualTo("21.37");
        assertLedgerVerifies();

        // The month's statement CSV adds up to the ledger's balances to the minor unit.
        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        var csv = api.send(api.request("/api/v1/seller/statements/" + month + ".csv?currency=CNY", yuanSeller.key()).setHeader("Accept", "text/csv")
                .GET().build());
        assertThat(csv.status()).as(csv.body()).isEqualTo(200);
        java.util.Map<String, java.math.BigDecimal> folded = new java.util.HashMap<>();
        java.util.Map<String, java.math.BigDecimal> closing = new java.util.HashMap<>();
        for (String row : csv.body().lines().skip(1).toList()) {
            String[] f = row.split(",", 8);
            var value = new java.math.BigDecimal(f[5]);
            if (f[2].equals("closing")) {
                closing.put(f[4], value);
            } else {
                folded.merge(f[4], value, java.math.BigDecimal::add);
            }
        }
        assertThat(folded.get("available")).isEqualByComparingTo("195.93").isEqualByComparingTo(closing.get("available"));
        assertThat(folded.get("pending")).isEqualByComparingTo("0").isEqualByComparingTo(closing.get("pending"));
        assertThat(csv.body()).contains("captured on shipment").contains("released after the return window");

        // A 10% reserve holds 19.59 of 195.93 CNY back; the payout with a key is made once.
        String finance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"payouts\"}").json().get("key").asString();
        assertThat(api.send(api.request("/api/v1/ops/sellers/" + yuanSeller.sellerId() + "/reserve", finance).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"pct\":10,\"reason\":\"new seller review\"}")).build()).status())
                .isEqualTo(200);
        String payoutKey = "payout-" + UUID.randomUUID();
        String payoutBody = "{\"sellerId\":\"%s\",\"currency\":\"CNY\"}".formatted(yuanSeller.sellerId());
        var payout = shop.postWithKey("/api/v1/ops/payouts", finance, payoutKey, payoutBody);
        assertThat(payout.status()).as(payout.body()).isEqualTo(201);
        assertThat(payout.json().get("amount").decimalValue()).isEqualByComparingTo("176.34");
        assertThat(payout.json().get("reserved").decimalValue()).isEqualByComparingTo("19.59");
        assertThat(shop.postWithKey("/api/v1/ops/payouts", finance, payoutKey, payoutBody).json().get("id").asString())
                .isEqualTo(payout.json().get("id").asString());
        assertThat(balance(yuanSeller, "available", "CNY")).isEqualTo("0.00");
        assertThat(balance(yuanSeller, "reserve", "CNY")).isEqualTo("19.59");
        assertThat(shop.postWithKey("/api/v1/ops/payouts", finance, "again-" + UUID.randomUUID(), payoutBody).status()).as("nothing left").isEqualTo(409);
        assertThat(api.get("/api/v1/seller/payouts", yuanSeller.key()).json().size()).isEqualTo(1);
        assertLedgerVerifies();
    }

    @Test
    void theAnswersToAQuoteAndAnOrderAreTheQuoteAndTheOrderAsReadAfterwards() {
        // Three lines of two sellers, in the cart in the opposite order of their SKU codes and sellers' names:
        // the answer, built from the rows as written, lists them as a read of the order does. The quote's
        // answer is the JSON stored with it, equal to the quote read back.
        UUID secondLamp = shop.liveOffer(yuanSeller, "PH", "lighting", "30.00", "CNY", 200, 20, 10);
        for (boolean reversed : new boolean[] {false, true}) {
            var cart = new java.util.ArrayList<>(java.util.List.of(lamp, secondLamp, scarf));
            if (reversed) {
                java.util.Collections.reverse(cart);
            }
            var quote = shop.quote("PH", "[" + String.join(",", cart.stream().map(o -> "{\"offerId\":\"%s\",\"quantity\":1}".formatted(o)).toList()) + "]");
            // The quote's answer is the JSON stored with it: the same as the platform writes the quote read back.
            assertThat(quote.status()).isEqualTo(201);
            assertThat(quote.contentType()).startsWith("application/json");
            assertThat(quote.json()).isEqualTo(api.get("/api/v1/storefront/quotes/" + quote.json().get("id").asString(), null).json());
            assertThat(quote.json().get("sellers")).hasSize(2);
            var placed = shop.order("PH", "answer-" + UUID.randomUUID(), UUID.fromString(quote.json().get("id").asString()), "tok_visa");
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            UUID id = UUID.fromString(placed.json().get("id").asString());
            var json = tools.jackson.databind.json.JsonMapper.builder().build();
            JsonNode read = json.readTree(json.writeValueAsString(ActorContext.callAs(Actor.system("test-read"), () -> orders.order(id))));
            assertThat(placed.json()).isEqualTo(read);
            assertThat(read.get("sellerOrders")).hasSize(2);
        }
    }

    @Test
    void partialAndFullRefundsGiveCommissionBackInProportionAndLeaveTheSellerAtZero() {
        var q = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":2}]".formatted(lamp)).json();
        UUID so = sellerOrderOf(shop.order("PH", "refund-" + UUID.randomUUID(), UUID.fromString(q.get("id").asString()), "tok_visa").json(),
                yuanSeller.sellerId());
        String path = "/api/v1/seller/orders/" + so + "/refunds";
        assertThat(shop.postWithKey(path, yuanSeller.key(), "r0", "{\"reason\":\"not shipped yet\"}").status()).as("refund before capture").isEqualTo(409);
        api.post("/api/v1/seller/orders/" + so + "/shipments", yuanSeller.key(), "{}");
        String key = "partial-" + UUID.randomUUID();
        var partial = shop.postWithKey(path, yuanSeller.key(), key, "{\"amount\":1000,\"reason\":\"one lamp arrived broken\"}");
        assertThat(partial.status()).as(partial.body()).isEqualTo(201);
        assertThat(shop.postWithKey(path, yuanSeller.key(), key, "{\"amount\":1000,\"reason\":\"one lamp arrived broken\"}").body())
                .as("same key, same body: the first answer").isEqualTo(partial.body());
        assertThat(shop.postWithKey(path, yuanSeller.key(), key, "{\"amount\":999,\"reason\":\"one lamp arrived broken\"}").status())
                .as("same key, other body").isEqualTo(422);
        assertThat(shop.postWithKey(path, yuanSeller.key(), "over-" + UUID.randomUUID(), "{\"amount\":5000,\"reason\":\"too much\"}").status())
                .isEqualTo(409);
        var rest = shop.postWithKey(path, yuanSeller.key(), "rest-" + UUID.randomUUID(), "{\"reason\":\"buyer returned everything\"}");
        assertThat(rest.status()).as(rest.body()).isEqualTo(201);
        assertThat(balance(yuanSeller, "pending", "CNY")).isEqualTo("0.00");
        var view = api.get("/api/v1/seller/orders/" + so, yuanSeller.key()).json();
        assertThat(view.get("refunded").get("amount").decimalValue()).isEqualByComparingTo(view.get("total").get("amount").decimalValue());
        assertThat(shop.postWithKey(path, yuanSeller.key(), "again-" + UUID.randomUUID(), "{\"reason\":\"again\"}").status()).isEqualTo(400);
        assertLedgerVerifies();
    }

    @Test
    void cancellingBeforeShipmentGivesTheStockBackAndADeclinedCardPlacesNothing() {
        var q = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":3}]".formatted(lamp)).json();
        JsonNode order = shop.order("PH", "cancel-" + UUID.randomUUID(), UUID.fromString(q.get("id").asString()), "tok_mastercard").json();
        UUID so = sellerOrderOf(order, yuanSeller.sellerId());
        assertThat(stockOfLamp()).isEqualTo(17);
        var cancelled = api.post("/api/v1/seller/orders/" + so + "/cancellation", yuanSeller.key(), "{\"reason\":\"out of paper\"}");
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(stockOfLamp()).isEqualTo(20);
        assertThat(api.post("/api/v1/seller/orders/" + so + "/shipments", yuanSeller.key(), "{}").status()).isEqualTo(409);

        var q2 = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(lamp)).json();
        var declined = shop.order("PH", "declined-" + UUID.randomUUID(), UUID.fromString(q2.get("id").asString()), "tok_decline_insufficient_funds");
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.json().get("type").asString()).isEqualTo("urn:entrepot:problem:payment-declined");
        assertThat(new io.entrepot.support.SystemSql(jdbc, tx).text("""
                select concat_ws(' ', o.status, p.status, p.decline_reason, c.operation, c.state, c.outcome)
                from ordering.buyer_order o join ordering.payment p on p.order_id = o.id join ordering.provider_call c on c.payment_id = p.id
                where o.quote_id = '%s'""".formatted(q2.get("id").asString())))
                .as("the order, its payment and the call that was declined")
                .isEqualTo("payment_declined declined insufficient_funds authorize failed insufficient_funds");
        assertThat(stockOfLamp()).isEqualTo(20);
        assertLedgerVerifies();
    }

    private int stockOfLamp() {
        var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":100}]".formatted(lamp));
        String detail = quote.json().get("detail").asString();
        return Integer.parseInt(detail.replaceAll("^only (\\d+) of.*$", "$1"));
    }

    private String balance(Fixtures.SellerWithKey seller, String kind, String currency) {
        var balances = api.get("/api/v1/seller/balances", seller.key());
        assertThat(balances.status()).as(balances.body()).isEqualTo(200);
        return balances.json().valueStream().filter(b -> b.get("kind").asString().equals(kind) && b.get("currency").asString().equals(currency))
                .map(b -> b.get("amount").decimalValue().setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()).findFirst().orElse("0.00");
    }

    private void assertLedgerVerifies() {
        var verified = api.get("/api/v1/ops/ledger/verification", Api.ADMIN_KEY);
        assertThat(verified.json().get("problems").size()).as(verified.body()).isZero();
    }

    private static JsonNode parcelOf(JsonNode quote, UUID seller) {
        return quote.get("sellers").valueStream().filter(p -> p.get("sellerId").asString().equals(seller.toString())).findFirst().orElseThrow();
    }

    private static UUID sellerOrderOf(JsonNode order, UUID seller) {
        return order.get("sellerOrders").valueStream().filter(p -> p.get("sellerId").asString().equals(seller.toString()))
                .map(p -> UUID.fromString(p.get("id").asString())).findFirst().orElseThrow();
    }

    private static String amount(JsonNode amount) {
        return amount.get("amount").decimalValue().setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString();
    }
}
