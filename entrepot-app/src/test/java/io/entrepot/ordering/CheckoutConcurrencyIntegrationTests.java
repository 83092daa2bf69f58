package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** RELIABILITY scenarios 1, 2, 8 and 9: concurrent checkouts never oversell, deadlock or pay twice. */
@IntegrationTest
class CheckoutConcurrencyIntegrationTests {

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
    Fixtures.SellerWithKey seller;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        Fixtures.freshRates(api);
        seller = shop.seller("Busy Lamps " + UUID.randomUUID(), "CN", "CNY");
    }

    @Test
    void fiveHundredConcurrentCheckoutsForTenUnitsSellExactlyTen() throws Exception {
        UUID offer = shop.liveOffer(seller, "PH", "lighting", "50.00", "CNY", 200, 10, 0);
        // Quotes are taken while stock lasts; each buyer then races to place an order.
        List<UUID> quotes = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer));
            assertThat(quote.status()).as(quote.body()).isEqualTo(201);
            quotes.add(UUID.fromString(quote.json().get("id").asString()));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        runConcurrently(32, quotes.size(), i -> {
            var placed = shop.order("PH", "oversell-" + UUID.randomUUID(), quotes.get(i), "tok_visa");
            statuses.computeIfAbsent(placed.status(), s -> new AtomicInteger()).incrementAndGet();
        });
        assertThat(statuses.get(201).get()).isEqualTo(10);
        assertThat(statuses.get(409).get()).isEqualTo(490);
        assertThat(statuses.keySet()).containsExactlyInAnyOrder(201, 409);
        assertThat(sql("select coalesce(sum(available), 0) from catalog.stock s join catalog.offer_price p on p.sku_id = s.sku_id where p.offer_id = '"
                + offer + "'")).isZero();
        assertThat(sql("select count(*) from ordering.order_line where offer_id = '" + offer + "'")).isEqualTo(10);
        // every hold still waiting is queued to expire, every call not yet answered is queued for the recovery, and nothing else is
        assertThat(sql(HOLDS_OUT_OF_THEIR_QUEUE)).isZero();
        assertThat(sql(CALLS_OUT_OF_THEIR_QUEUE)).isZero();
    }

    /** Provider calls started but not queued for the recovery, and queue entries of no started call. */
    static final String CALLS_OUT_OF_THEIR_QUEUE = """
            select count(*) from ordering.provider_call c full join ordering.open_call o on o.key = c.key
            where (c.state = 'started') is distinct from (o.key is not null)""";

    /** Reservations held but not queued to expire, and queue entries of no held reservation. */
    static final String HOLDS_OUT_OF_THEIR_QUEUE = """
            select count(*) from catalog.reservation r full join catalog.hold h on h.reservation_id = r.id
            where (r.state = 'held') is distinct from (h.reservation_id is not null)""";

    @Test
    void fiftyConcurrentRetriesWithOneKeyMakeOneOrderOnePaymentAndOneJournalEntry() throws Exception {
        UUID offer = shop.liveOffer(seller, "PH", "lighting", "50.00", "CNY", 200, 100, 0);
        UUID quote = UUID.fromString(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":2}]".formatted(offer)).json().get("id").asString());
        String key = "retry-" + UUID.randomUUID();
        List<Api.Response> responses = Collections.synchronizedList(new ArrayList<>());
        runConcurrently(50, 50, i -> responses.add(shop.order("PH", key, quote, "tok_visa")));
        List<String> created = responses.stream().filter(r -> r.status() == 201).map(Api.Response::body).distinct().toList();
        assertThat(created).hasSize(1);
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(201, 409));
        // Retried after the first finished: the first answer again.
        assertThat(shop.order("PH", key, quote, "tok_visa").body()).isEqualTo(created.getFirst());
        // (operators see a seller's part of an order only under an access grant: the id comes from the database)
        String orderId = new SystemSql(jdbc, tx).text("select id from ordering.buyer_order where quote_id = '" + quote + "'");
        assertThat(sql("select count(*) from ordering.buyer_order where quote_id = '" + quote + "'")).isEqualTo(1);
        assertThat(sql("select count(*) from ordering.payment where order_id = '" + orderId + "'")).isEqualTo(1);
        assertThat(sql("select count(*) from psp_sandbox.request where idempotency_key = 'order:" + orderId + ":authorize'")).isEqualTo(1);
        assertThat(sql("select count(*) from ledger.journal_entry where source_type = 'order' and source_id = '" + orderId + "'")).isEqualTo(1);
        assertThat(sql("select 100 - coalesce(sum(available), 0) from catalog.stock s join catalog.offer_price p on p.sku_id = s.sku_id where p.offer_id = '"
                + offer + "'")).isEqualTo(2);

        // RELIABILITY 2: the same key with another body is refused and writes nothing.
        UUID otherQuote = UUID.fromString(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer)).json().get("id").asString());
        long orders = sql("select count(*) from ordering.buyer_order");
        var changed = shop.order("PH", key, otherQuote, "tok_visa");
        assertThat(changed.status()).isEqualTo(422);
        assertThat(changed.json().get("type").asString()).isEqualTo("urn:entrepot:problem:idempotency-key-reused");
        assertThat(sql("select count(*) from ordering.buyer_order")).isEqualTo(orders);
    }

    @Test
    void twoHundredConcurrentMultiSkuCheckoutsOverSeveralSellersInRandomSkuOrderAllComplete() throws Exception {
        // Two SKUs of one seller and one each of two others: the holds of one order span several seller orders.
        var second = shop.seller("Busy Kitchens " + UUID.randomUUID(), "CN", "CNY");
        var third = shop.seller("Busy Tools " + UUID.randomUUID(), "VN", "USD");
        List<UUID> offers = List.of(shop.liveOffer(seller, "PH", "lighting", "10.00", "CNY", 100, 1000, 0),
                shop.liveOffer(seller, "PH", "lighting", "11.00", "CNY", 100, 1000, 0),
                shop.liveOffer(second, "PH", "kitchen", "12.00", "CNY", 100, 1000, 0),
                shop.liveOffer(third, "PH", "tools", "2.00", "USD", 100, 1000, 0));
        List<UUID> quotes = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<UUID> shuffled = new ArrayList<>(offers);
            Collections.shuffle(shuffled, ThreadLocalRandom.current());
            String lines = "[" + String.join(",", shuffled.stream().map(o -> "{\"offerId\":\"%s\",\"quantity\":1}".formatted(o)).toList()) + "]";
            quotes.add(UUID.fromString(shop.quote("PH", lines).json().get("id").asString()));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        runConcurrently(24, quotes.size(), i -> statuses.computeIfAbsent(
                shop.order("PH", "multi-" + UUID.randomUUID(), quotes.get(i), "tok_visa").status(), s -> new AtomicInteger()).incrementAndGet());
        assertThat(statuses.keySet()).containsExactly(201);
        assertThat(statuses.get(201).get()).isEqualTo(200);
        for (UUID offer : offers) {
            assertThat(sql("select coalesce(sum(available), 0) from catalog.stock s join catalog.offer_price p on p.sku_id = s.sku_id where p.offer_id = '"
                    + offer + "'")).isEqualTo(800);
        }
        var verified = api.get("/api/v1/ops/ledger/verification", Api.ADMIN_KEY);
        assertThat(verified.json().get("problems").size()).as(verified.body()).isZero();
    }

    @Test
    void anAuthorizationFinishedByTheRecoveryJobAtTheSameTimeIsRecordedOnceAndTheBuyerGetsTheRecordedAnswer() throws Exception {
        UUID offer = shop.liveOffer(seller, "PH", "lighting", "50.00", "CNY", 200, 100, 0);
        UUID quote = UUID.fromString(shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer)).json().get("id").asString());
        String key = "slow-" + UUID.randomUUID();
        // The provider answers after 1.5 s; meanwhile the recovery job, as after a crash, repeats the call with the stored
        // key (the sandbox answers it once the first call is done) and records the answer too — at about the same time.
        try (ExecutorService pool = Executors.newSingleThreadExecutor()) {
            Future<Api.Response> placing = pool.submit(() -> shop.order("PH", key, quote, "tok_delay_1500"));
            String orderId = "";
            for (int i = 0; i < 100 && orderId.isEmpty(); i++) {
                Thread.sleep(50);
                orderId = new SystemSql(jdbc, tx).text("select coalesce(max(o.id::text), '') from ordering.buyer_order o join ordering.provider_call c"
                        + " on c.source_id = o.id and c.operation = 'authorize' where o.quote_id = '" + quote + "'");
            }
            assertThat(orderId).as("the order's authorization is recorded as started").isNotEmpty();
            assertThat(orders.recoverProviderCalls(java.time.Duration.ZERO)).isPositive();
            Api.Response placed = placing.get();
            assertThat(placed.status()).as(placed.body()).isEqualTo(201);
            assertThat(placed.json().get("id").asString()).isEqualTo(orderId);
            assertThat(placed.json().get("status").asString()).isEqualTo("placed");
            assertThat(shop.order("PH", key, quote, "tok_delay_1500").body()).isEqualTo(placed.body());
            assertThat(sql("select count(*) from ledger.journal_entry where source_type = 'order' and source_id = '" + orderId + "'")).isEqualTo(1);
            assertThat(new SystemSql(jdbc, tx).text("select status from ordering.payment where order_id = '" + orderId + "'")).isEqualTo("authorized");
            assertThat(new SystemSql(jdbc, tx).text("select state from ordering.provider_call where key = 'order:" + orderId + ":authorize'"))
                    .isEqualTo("succeeded");
            assertThat(sql("select count(*) from catalog.reservation r join ordering.seller_order so on so.id = r.order_ref where so.order_id = '"
                    + orderId + "' and r.state = 'consumed'")).isEqualTo(1);
            assertThat(sql("select 100 - coalesce(sum(available), 0) from catalog.stock s join catalog.offer_price p on p.sku_id = s.sku_id"
                    + " where p.offer_id = '" + offer + "'")).isEqualTo(1);
        }
    }

    private long sql(String query) {
        return new SystemSql(jdbc, tx).number(query);
    }

    private interface Work {
        void run(int index) throws Exception;
    }

    private static void runConcurrently(int threads, int tasks, Work work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < tasks; i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    start.await();
                    work.run(index);
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
