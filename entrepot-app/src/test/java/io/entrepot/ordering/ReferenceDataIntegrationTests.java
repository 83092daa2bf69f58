package io.entrepot.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ReferenceData;
import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Checkout reads markets, trade rules, lanes and sellers from the node's copies (decision 0022): changes
 * made by anyone — this node's API or another node writing the same tables, played here by plain SQL that
 * no code of this node sees — apply to the very next quote.
 */
@IntegrationTest
class ReferenceDataIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    ReferenceData referenceData;
    static final String GENERATION = "select coalesce(sum(generation), 0) from shared.reference_generation";
    Api api;
    Shop shop;
    SystemSql sql;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        shop = new Shop(api);
        sql = new SystemSql(jdbc, tx);
        Fixtures.freshRates(api);
    }

    @Test
    void aMarketPausedByAnotherNodeTakesNoQuoteFromTheNextOneOn() {
        var seller = shop.seller("Copies Lamps " + UUID.randomUUID(), "CN", "CNY");
        UUID offer = shop.liveOffer(seller, "PH", "lighting", "50.00", "CNY", 200, 10, 0);
        String cart = "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer);
        assertThat(shop.quote("PH", cart).status()).isEqualTo(201);
        assertThat(shop.quote("PH", cart).status()).isEqualTo(201); // now from the node's copies
        long before = sql.number(GENERATION);
        try {
            asSystem("update market.market set status = 'paused' where code = 'PH'");
            assertThat(sql.number(GENERATION)).isGreaterThan(before);
            var refused = shop.quote("PH", cart);
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.body()).contains("market-closed");
        } finally {
            asSystem("update market.market set status = 'open' where code = 'PH'");
        }
        assertThat(shop.quote("PH", cart).status()).isEqualTo(201);
    }

    @Test
    void aCheaperLaneAddedByAnotherNodeCarriesTheNextQuote() {
        var seller = shop.seller("Copies Vases " + UUID.randomUUID(), "CN", "CNY");
        UUID offer = shop.liveOffer(seller, "PH", "lighting", "80.00", "CNY", 300, 10, 0);
        String cart = "[{\"offerId\":\"%s\",\"quantity\":1}]".formatted(offer);
        var first = shop.quote("PH", cart);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("sellers").get(0).get("carrierService").asString()).doesNotStartWith("Copies Test Post");
        UUID lane = UUID.randomUUID();
        String carrier = "Copies Test Post " + lane.toString().substring(0, 8); // lanes are never deleted: one per run
        try {
            asSystem("insert into logistics.lane (id, origin_country, destination_market, carrier_service, transit_days_min, transit_days_max)"
                    + " values ('" + lane + "', 'CN', 'PH', '" + carrier + "', 3, 5)");
            asSystem("insert into logistics.lane_rate (lane_id, up_to_grams, price_minor, currency) values ('" + lane + "', 30000, 1, 'USD')");
            var second = shop.quote("PH", cart);
            assertThat(second.status()).as(second.body()).isEqualTo(201);
            assertThat(second.json().get("sellers").get(0).get("carrierService").asString()).isEqualTo(carrier);
            asSystem("update logistics.lane set active = false where id = '" + lane + "'");
            var third = shop.quote("PH", cart);
            assertThat(third.json().get("sellers").get(0).get("carrierService").asString())
                    .isEqualTo(first.json().get("sellers").get(0).get("carrierService").asString());
            assertThat(third.json().get("sellers").get(0).get("shipping").toString())
                    .isEqualTo(first.json().get("sellers").get(0).get("shipping").toString());
        } finally {
            asSystem("update logistics.lane set active = false where id = '" + lane + "'");
        }
    }

    @Test
    void aCopyServesTransactionsThatObservedItsGenerationOrAnOlderOneAndNothingElse() {
        var copies = referenceData.<String, Optional<String>>copies("test-copies-" + UUID.randomUUID(), 100);
        AtomicInteger reads = new AtomicInteger();
        java.util.function.LongFunction<Optional<String>> inTransaction = generation -> ActorContext.callAs(Actor.system("test"),
                () -> tx.execute(s -> {
                    if (generation >= 0) {
                        referenceData.observe(generation);
                    }
                    return copies.get("k", k -> {
                        reads.incrementAndGet();
                        return Optional.of("v" + reads.get());
                    });
                }));
        assertThat(inTransaction.apply(5)).contains("v1");
        assertThat(inTransaction.apply(5)).contains("v1");
        assertThat(inTransaction.apply(4)).contains("v1");
        assertThat(reads).hasValue(1);
        assertThat(inTransaction.apply(6)).contains("v2"); // the data changed since: read again
        assertThat(inTransaction.apply(-1)).contains("v3"); // not observed: always read, and not kept
        assertThat(inTransaction.apply(6)).contains("v2");
        assertThat(reads).hasValue(3);
        // Outside any transaction, and after one ended, nothing is observed.
        assertThat(referenceData.observed()).isEmpty();

        var several = referenceData.<String, Optional<String>>copies("test-several-" + UUID.randomUUID(), 100);
        AtomicInteger batches = new AtomicInteger();
        Map<String, Optional<String>> found = ActorContext.callAs(Actor.system("test"), () -> tx.execute(s -> {
            referenceData.observe(9);
            several.getAll(List.of("a", "b"), keys -> {
                batches.incrementAndGet();
                return Map.of("a", Optional.of("A"));
            }, Optional.empty());
            return several.getAll(List.of("a", "b", "c"), keys -> {
                batches.incrementAndGet();
                assertThat(keys).containsExactly("c");
                return Map.of("c", Optional.of("C"));
            }, Optional.empty());
        }));
        assertThat(found).containsExactly(entry("a", Optional.of("A")), entry("b", Optional.empty()), entry("c", Optional.of("C")));
        assertThat(batches).hasValue(2);
    }

    @Test
    void onlyThePlatformsOwnTransactionsUseCopies() {
        assertThatThrownBy(() -> ActorContext.callAs(new Actor.Anonymous(), () -> tx.execute(s -> {
            referenceData.observe(1);
            return null;
        }))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> referenceData.observe(1)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTransactionNamedObservingObservesTheGenerationInForceAtItsBeginAndPlansOnce() {
        var observing = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        observing.setName(ReferenceData.OBSERVING_TRANSACTION);
        long now = sql.number(GENERATION);
        record Seen(java.util.OptionalLong generation, String planMode) {
        }
        Seen seen = ActorContext.callAs(Actor.system("test-observing"), () -> observing.execute(s ->
                new Seen(referenceData.observed(), jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single())));
        assertThat(seen.generation()).hasValue(now);
        assertThat(seen.planMode()).isEqualTo("force_generic_plan");
        // A plain transaction observes nothing and plans as usual, also right after an observing one on the same thread.
        Seen plain = ActorContext.callAs(Actor.system("test-plain"), () -> tx.execute(s ->
                new Seen(referenceData.observed(), jdbc.sql("select current_setting('plan_cache_mode')").query(String.class).single())));
        assertThat(plain.generation()).isEmpty();
        assertThat(plain.planMode()).isEqualTo("auto");
        // Another actor's transaction may not use the copies: it does not begin.
        assertThatThrownBy(() -> ActorContext.callAs(new Actor.Anonymous(), () -> observing.execute(s -> 1)))
                .hasRootCauseInstanceOf(IllegalStateException.class);
    }

    private void asSystem(String statement) {
        ActorContext.callAs(Actor.system("another-node"), () -> tx.execute(s -> jdbc.sql(statement).update()));
    }
}
