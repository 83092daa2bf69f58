package io.entrepot.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance scenario: a seller buys 20 five-star reviews through brushing orders (one address, one
 * card, twenty accounts, delivered without carrier scans) with near-identical texts. The reviews are
 * removed, the seller falls in search and is then restricted; its appeal is heard; an honest seller
 * reviewed in the same hour keeps every review.
 */
@IntegrationTest
class FakeReviewScenarioIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    private static final String[] PAID_TEXTS = {
            "Great product, I love it. Very good quality and works great. I would recommend this to anyone.",
            "Great product, I love it! Very good quality and works great. I would recommend this to anyone.",
            "Great product, I love it. Very good quality and it works great. I would recommend this to anyone.",
            "Great product, I really love it. Very good quality and works great. I would recommend this to anyone."};

    @Test
    void boughtReviewsAreRemovedTheSellerFallsAndIsRestrictedAndItsAppealIsHeard() throws Exception {
        var api = new Api(port);
        var buy = new DeliveredPurchases(api);
        var shop = new Shop(api);
        Fixtures.freshRates(api);
        String run = Long.toString(System.nanoTime(), 36).toLowerCase(Locale.ROOT);
        var honest = shop.seller("Honest Lamps " + run, "CN", "CNY");
        var brusher = shop.seller("Brushwood Lamps " + run, "CN", "CNY");
        var honestLamp = buy.product(honest, "Desk lamp " + run + " honest", "40.00");
        var brushedLamp = buy.product(brusher, "Desk lamp " + run + " brushed", "12.00");
        List<String> ranked = awaitRanking(api, run, 2);

        // Genuine purchases of the honest seller: three buyers, three addresses, three cards.
        List<DeliveredPurchases.Delivered> genuine = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            genuine.add(buy.deliveredWithoutScans(honest, honestLamp.offerId(), "buyer" + i + "-" + run + "@example.com",
                    (10 + i) + " Mabini St", "tok_card_" + run + "_" + i));
        }
        // Brushing: twenty accounts, one address, one card, the cheapest item, no carrier scans.
        List<DeliveredPurchases.Delivered> paid = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            paid.add(buy.deliveredWithoutScans(brusher, brushedLamp.offerId(), "shill" + i + "-" + run + "@example.com", "7 Warehouse Rd",
                    "tok_brush_" + run));
        }

        List<String> genuineTexts = GenuineTexts.forRun(3, System.nanoTime());
        for (int i = 0; i < 3; i++) {
            var written = buy.review(genuine.get(i), 3 + i % 3, genuineTexts.get(i), i == 0 ? "en" : i == 1 ? "en" : "tl");
            assertThat(written.status()).as(written.body()).isEqualTo(201);
            assertThat(written.json().get("status").asString())
                    .as(() -> api.get("/api/v1/ops/reviews/" + written.json().get("id").asString(), Api.ADMIN_KEY).body()).isEqualTo("published");
        }
        for (int i = 0; i < 20; i++) {
            var written = buy.review(paid.get(i), 5, PAID_TEXTS[i % PAID_TEXTS.length], "en");
            assertThat(written.status()).as(written.body()).isEqualTo(201);
            assertThat(written.json().get("status").asString()).isEqualTo("in_review");
        }

        // The paid reviews are removed, each with its signals; none is shown or counted.
        JsonNode removed = api.get("/api/v1/ops/reviews?status=removed&seller=" + brusher.sellerId(), Api.ADMIN_KEY).json();
        assertThat(removed.size()).isEqualTo(20);
        JsonNode first = removed.get(0);
        assertThat(first.get("score").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(signal(first, "behaviour.brushing")).isEqualTo(1.0);
        assertThat(signal(first, "text.near_duplicate")).isGreaterThan(0.5);
        var brushedPage = api.get("/api/v1/storefront/PH/products/" + brushedLamp.productId() + "/reviews", null).json();
        assertThat(brushedPage.get("count").asLong()).isZero();
        assertThat(brushedPage.get("reviews").size()).isZero();

        // The honest seller's reviews stay published and counted, the buyer's language first.
        var honestPage = api.get("/api/v1/storefront/PH/products/" + honestLamp.productId() + "/reviews?locale=tl", null).json();
        assertThat(honestPage.get("count").asLong()).isEqualTo(3);
        assertThat(honestPage.get("average").asDouble()).isEqualTo(4.0);
        assertThat(honestPage.get("reviews").get(0).get("locale").asString()).isEqualTo("tl");
        assertThat(api.get("/api/v1/ops/reviews?status=published&seller=" + honest.sellerId(), Api.ADMIN_KEY).json().size()).isEqualTo(3);
        assertThat(api.get("/api/v1/ops/sellers/" + honest.sellerId() + "/enforcement", Api.ADMIN_KEY).json().size()).isZero();

        // The ladder: warning, then the ranking penalty, then restrictions; not yet suspension.
        JsonNode actions = api.get("/api/v1/ops/sellers/" + brusher.sellerId() + "/enforcement", Api.ADMIN_KEY).json();
        assertThat(actions.valueStream().map(a -> a.get("step").asString()).toList())
                .containsExactlyInAnyOrder("warning", "ranking_penalty", "restriction");
        assertThat(actions.valueStream().allMatch(a -> a.get("liftedAt").isNull())).isTrue();
        assertThat(ranked).containsExactlyInAnyOrder(brushedLamp.offerId().toString(), honestLamp.offerId().toString());
        assertThat(awaitRanking(api, run, 2)).containsExactly(honestLamp.offerId().toString(), brushedLamp.offerId().toString());
        assertThat(rankingPercent(brusher.sellerId())).isEqualTo(50);
        var profile = api.get("/api/v1/ops/sellers/" + brusher.sellerId(), Api.ADMIN_KEY).json();
        assertThat(profile.get("restrictions").valueStream().map(JsonNode::asString).toList()).contains("cannot_join_campaigns", "cannot_publish");
        var blocked = api.post("/api/v1/seller/products", brusher.key(), """
                {"category":"lighting","fallbackLocale":"en","contents":[{"locale":"en","title":"Another lamp","description":"A lamp"}],
                 "skus":[{"code":"X%s","basePrice":{"amount":9,"currency":"CNY"},"weightGrams":300,"lengthMm":100,"widthMm":100,"heightMm":50,
                          "stock":[{"warehouseId":"%s","available":5}]}]}
                """.formatted(run, brusher.warehouseId()));
        var publication = api.post("/api/v1/seller/products/" + blocked.json().get("id").asString() + "/publications", brusher.key(),
                "{\"markets\":[\"PH\"],\"markupPct\":0}");
        assertThat(publication.json().get("offers").get(0).get("status").asString()).isEqualTo("BLOCKED");
        var standing = api.get("/api/v1/seller/enforcement", brusher.key()).json();
        assertThat(standing.get("notices").valueStream().map(n -> n.get("subject").asString()).toList())
                .anyMatch(s -> s.contains("ranking penalty")).anyMatch(s -> s.contains("campaigns"));

        // The appeal: one open appeal per step; trust & safety upholds the restriction, then overturns on a second appeal.
        String restriction = actionId(actions, "restriction");
        var appealed = api.post("/api/v1/seller/enforcement/" + restriction + "/appeal", brusher.key(),
                "{\"statement\":\"These buyers are a real corporate customer who orders samples for its branches.\"}");
        assertThat(appealed.status()).as(appealed.body()).isEqualTo(201);
        assertThat(appealed.json().get("appeal").get("status").asString()).isEqualTo("open");
        assertThat(api.post("/api/v1/seller/enforcement/" + restriction + "/appeal", brusher.key(),
                "{\"statement\":\"Appealing the same step a second time.\"}").status()).isEqualTo(409);
        String appealId = appealed.json().get("appeal").get("id").asString();
        assertThat(api.get("/api/v1/ops/appeals", Api.ADMIN_KEY).json().valueStream()
                .anyMatch(a -> a.get("appeal").get("id").asString().equals(appealId))).isTrue();
        var upheld = api.post("/api/v1/ops/appeals/" + appealId + "/decision", Api.ADMIN_KEY,
                "{\"decision\":\"upheld\",\"reason\":\"Twenty accounts, one address, one card and no carrier scans.\"}");
        assertThat(upheld.status()).as(upheld.body()).isEqualTo(200);
        assertThat(upheld.json().get("appeal").get("status").asString()).isEqualTo("upheld");
        assertThat(upheld.json().get("liftedAt").isNull()).isTrue();
        assertThat(api.post("/api/v1/ops/appeals/" + appealId + "/decision", Api.ADMIN_KEY,
                "{\"decision\":\"overturned\",\"reason\":\"again\"}").status()).isEqualTo(409);

        var second = api.post("/api/v1/seller/enforcement/" + restriction + "/appeal", brusher.key(),
                "{\"statement\":\"Here are the corporate purchase orders for all twenty branches.\"}");
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        var overturned = api.post("/api/v1/ops/appeals/" + second.json().get("appeal").get("id").asString() + "/decision", Api.ADMIN_KEY,
                "{\"decision\":\"overturned\",\"reason\":\"Purchase orders check out with the branches.\"}");
        assertThat(overturned.status()).as(overturned.body()).isEqualTo(200);
        assertThat(overturned.json().get("liftedAt").isNull()).isFalse();
        JsonNode after = api.get("/api/v1/ops/sellers/" + brusher.sellerId() + "/enforcement", Api.ADMIN_KEY).json();
        assertThat(after.valueStream().allMatch(a -> !a.get("liftedAt").isNull())).isTrue();
        assertThat(api.get("/api/v1/ops/sellers/" + brusher.sellerId(), Api.ADMIN_KEY).json().get("restrictions").size()).isZero();
        assertThat(rankingPercent(brusher.sellerId())).isEqualTo(100);
    }

    private static double signal(JsonNode review, String name) {
        return review.get("signals").valueStream().filter(s -> s.get("name").asString().equals(name)).findFirst().orElseThrow()
                .get("value").asDouble();
    }

    private static String actionId(JsonNode actions, String step) {
        return actions.valueStream().filter(a -> a.get("step").asString().equals(step)).findFirst().orElseThrow().get("id").asString();
    }

    /** The offers found for the run's word, in ranking order, once the expected number is indexed. */
    private static List<String> awaitRanking(Api api, String word, int count) throws InterruptedException {
        List<String> offers = List.of();
        for (int attempt = 0; attempt < 600; attempt++) {
            offers = api.get("/api/v1/storefront/PH/products?q=" + word, null).json().get("items").valueStream()
                    .map(i -> i.get("offerId").asString()).toList();
            if (offers.size() >= count) {
                return offers;
            }
            Thread.sleep(100);
        }
        return offers;
    }

    private long rankingPercent(UUID seller) {
        return sql().number("select round(factor * 100) from search.seller_ranking where seller_id = '" + seller + "'");
    }

    private SystemSql sql() {
        return new SystemSql(jdbc, tx);
    }
}
