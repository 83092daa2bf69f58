package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.catalog.Inventory;
import io.entrepot.ordering.internal.PaymentWebhooks;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** RELIABILITY scenarios 10 (late payment after the hold expired), 18 (webhooks) and 20 (no card numbers). */
@IntegrationTest
class PaymentEventsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PaymentWebhooks webhooks;
    @Autowired
    Inventory inventory;
    Api api;
    Shop shop;
    Fixtures.SellerWithKey seller;
    UUID offer;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        Fixtures.freshRates(api);
        seller = shop.seller("Event Lamps " + UUID.randomUUID(), "CN", "CNY");
        offer = shop.liveOffer(seller, "PH", "lighting", "40.00", "CNY", 200, 5, 0);
    }

    @Test
    void webhooksDeliveredThreeTimesAndOutOfOrderChangeTheStateOncePerEvent() {
        String ref = placeAndGetProviderRef("tok_visa");
        Instant base = Instant.now().plus(Duration.ofMinutes(1));
        String captured = event("evt_cap_" + UUID.randomUUID(), "payment.captured", ref, base.plusSeconds(2));
        String authorized = event("evt_auth_" + UUID.randomUUID(), "payment.authorized", ref, base);
        assertThat(deliver(captured).json().get("duplicate").asBoolean()).isFalse();
        assertThat(deliver(captured).json().get("duplicate").asBoolean()).isTrue();
        assertThat(deliver(authorized).json().get("duplicate").asBoolean()).isFalse();
        assertThat(deliver(captured).json().get("duplicate").asBoolean()).isTrue();
        assertThat(deliver(authorized).json().get("duplicate").asBoolean()).isTrue();
        assertThat(sql("select count(*) from ordering.payment_event where provider_ref = '" + ref + "' and event_id like 'evt_%_%-%'")).isEqualTo(2);
        // The older "authorized" event, arriving last, does not undo the newer "captured".
        assertThat(text("select provider_state from ordering.payment where provider_ref = '" + ref + "'")).isEqualTo("captured");
    }

    @Test
    void unsignedForgedAndStaleWebhooksAreRefused() {
        String payload = event("evt_x_" + UUID.randomUUID(), "payment.captured", "pay_nothing", Instant.now());
        assertThat(post(payload, null).status()).isEqualTo(401);
        assertThat(post(payload, "t=" + Instant.now().getEpochSecond() + ",v1=" + "0".repeat(64)).status()).isEqualTo(401);
        assertThat(post(payload, webhooks.sign(payload, Instant.now().minus(Duration.ofMinutes(10)))).status()).isEqualTo(401);
        assertThat(post(payload.replace("captured", "refunded"), webhooks.sign(payload, Instant.now())).status()).isEqualTo(401);
        assertThat(post("not json", webhooks.sign("not json", Instant.now())).status()).isEqualTo(400);
    }

    @Test
    void sandboxWebhooksArriveAtLeastOnceAndAreAppliedOnce() throws Exception {
        String ref = placeAndGetProviderRef("tok_visa");
        long deadline = System.currentTimeMillis() + 30_000;
        while (sql("select count(*) from ordering.payment_event where provider_ref = '" + ref + "'") == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(text("select provider_state from ordering.payment where provider_ref = '" + ref + "'")).isEqualTo("authorized");
        assertThat(sql("select count(*) from ordering.payment_event where provider_ref = '" + ref + "'")).isEqualTo(1);
        // every webhook not yet delivered (or to be sent again) is queued at its time, and nothing else is
        assertThat(sql("""
                select count(*) from psp_sandbox.webhook w full join psp_sandbox.webhook_due d on d.webhook_id = w.id
                where (w.id is not null and w.delivered_at is null) is distinct from (d.webhook_id is not null and d.deliver_at = w.deliver_at)
                """)).isZero();
    }

    @Test
    void aPaymentThatComesBackAfterTheHoldExpiredTakesTheStockAgainOnce() throws Exception {
        UUID quote = quote(2);
        var placing = CompletableFuture.supplyAsync(() -> shop.order("PH", "late-" + UUID.randomUUID(), quote, "tok_delay_2500"));
        expireHoldsWhilePaymentIsPending();
        var placed = placing.get();
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        assertThat(available()).isEqualTo(3);
        assertThat(sql("select count(*) from catalog.reservation r join ordering.seller_order s on s.id = r.order_ref where s.order_id = '"
                + placed.json().get("id").asString() + "' and r.state = 'consumed'")).isEqualTo(1);
        assertThat(sql(CheckoutConcurrencyIntegrationTests.HOLDS_OUT_OF_THEIR_QUEUE)).isZero();
    }

    @Test
    void aPaymentThatComesBackAfterTheStockWasSoldElsewhereIsVoidedCleanly() throws Exception {
        UUID late = quote(5);
        var placing = CompletableFuture.supplyAsync(() -> shop.order("PH", "late-" + UUID.randomUUID(), late, "tok_delay_2500"));
        expireHoldsWhilePaymentIsPending();
        assertThat(available()).isEqualTo(5);
        var other = shop.order("PH", "fast-" + UUID.randomUUID(), quote(5), "tok_visa");
        assertThat(other.status()).as(other.body()).isEqualTo(201);
        var placed = placing.get();
        assertThat(placed.status()).as(placed.body()).isEqualTo(409);
        assertThat(placed.json().get("type").asString()).isEqualTo("urn:entrepot:problem:reservation-expired");
        assertThat(available()).isZero();
        assertThat(sql(CheckoutConcurrencyIntegrationTests.HOLDS_OUT_OF_THEIR_QUEUE)).isZero();
        assertThat(text("select status from ordering.buyer_order where quote_id = '" + late + "'")).isEqualTo("expired");
        assertThat(text("select p.status from ordering.payment p join ordering.buyer_order o on o.id = p.order_id where o.quote_id = '" + late + "'"))
                .isEqualTo("voided");
    }

    @Test
    @org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
    void noCardNumberIsStoredAnywhereNorLogged(org.springframework.boot.test.system.CapturedOutput output) throws Exception {
        String cardLike = "tok_4242424242424242";
        var refused = shop.order("PH", "card-" + UUID.randomUUID(), quote(1), cardLike);
        assertThat(refused.status()).isEqualTo(400);
        shop.order("PH", "ok-" + UUID.randomUUID(), quote(1), "tok_visa");
        List<String> columns = ActorContext.callAs(Actor.system("test-card-scan"), () -> tx.execute(s -> jdbc.sql("""
                select table_schema || '.' || table_name || '.' || column_name from information_schema.columns
                where table_schema in ('ordering', 'psp_sandbox', 'ledger', 'catalog', 'identity', 'seller', 'events')
                  and data_type in ('text', 'character varying', 'jsonb')
                """).query(String.class).list()));
        Pattern pan = Pattern.compile("(?<![0-9A-Za-z])[0-9]{13,19}(?![0-9A-Za-z])");
        for (String column : columns) {
            String[] p = column.split("\\.");
            List<String> values = ActorContext.callAs(Actor.system("test-card-scan"), () -> tx.execute(s -> jdbc.sql(
                    "select cast(\"" + p[2] + "\" as text) from " + p[0] + "." + p[1] + " where \"" + p[2] + "\" is not null")
                    .query(String.class).list()));
            for (String value : values) {
                Matcher m = pan.matcher(value);
                while (m.find()) {
                    assertThat(luhn(m.group())).as("a card number in " + column + ": " + value).isFalse();
                }
            }
        }
        assertThat(refused.body()).doesNotContain("4242424242424242");
        assertThat(output.getAll()).as("application log during the test").doesNotContain("4242424242424242");
    }

    private void expireHoldsWhilePaymentIsPending() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 2_000;
        while (sql("select count(*) from catalog.reservation where state = 'held' and sku_id = '" + sku() + "'") == 0
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        ActorContext.runAs(Actor.system("test-expire"), () -> tx.executeWithoutResult(s -> {
            // the hold, and its place in the expiry queue (which the platform only adds to and takes from)
            jdbc.sql("""
                    with lapsed as (update catalog.reservation set expires_at = now() - interval '1 second' where state = 'held' and sku_id = :sku
                                    returning id)
                    delete from catalog.hold where reservation_id in (select id from lapsed)
                    """).param("sku", UUID.fromString(sku())).update();
            jdbc.sql("""
                    insert into catalog.hold (reservation_id, expires_at)
                    select id, expires_at from catalog.reservation where state = 'held' and sku_id = :sku
                    """).param("sku", UUID.fromString(sku())).update();
            inventory.expireHolds(100);
        }));
    }

    private String placeAndGetProviderRef(String token) {
        var placed = shop.order("PH", "evt-" + UUID.randomUUID(), quote(1), token);
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return text("select provider_ref from ordering.payment where order_id = '" + placed.json().get("id").asString() + "'");
    }

    private UUID quote(int quantity) {
        var q = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":%d}]".formatted(offer, quantity));
        assertThat(q.status()).as(q.body()).isEqualTo(201);
        return UUID.fromString(q.json().get("id").asString());
    }

    private int available() {
        return (int) sql("select coalesce(sum(available), 0) from catalog.stock where sku_id = '" + sku() + "'");
    }

    private String sku() {
        return text("select sku_id::text from catalog.offer_price where offer_id = '" + offer + "'");
    }

    private Api.Response deliver(String payload) {
        var response = post(payload, webhooks.sign(payload, Instant.now()));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response;
    }

    private Api.Response post(String payload, String signature) {
        var request = api.request("/api/v1/payments/sandbox/webhooks", null).header("Content-Type", "application/json");
        if (signature != null) {
            request.header("Entrepot-Signature", signature);
        }
        return api.send(request.POST(HttpRequest.BodyPublishers.ofString(payload)).build());
    }

    private static String event(String id, String type, String ref, Instant at) {
        return "{\"id\":\"%s\",\"type\":\"%s\",\"payment\":\"%s\",\"occurredAt\":\"%s\"}".formatted(id, type, ref, at);
    }

    private long sql(String query) {
        return new SystemSql(jdbc, tx).number(query);
    }

    private String text(String query) {
        return new SystemSql(jdbc, tx).text(query);
    }

    private static boolean luhn(String digits) {
        int sum = 0;
        boolean doubled = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubled) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubled = !doubled;
        }
        return sum % 10 == 0;
    }
}
