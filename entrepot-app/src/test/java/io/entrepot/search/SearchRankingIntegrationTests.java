package io.entrepot.search;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The ranking hook moves a penalized seller's listings down; cursors page through every hit once. */
@IntegrationTest
class SearchRankingIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    Search search;

    @Test
    void aPenalizedSellerRanksBelowAnEquallyRelevantOne() throws Exception {
        var api = new Api(port);
        Fixtures.freshRates(api);
        String word = "rankword" + Long.toString(System.nanoTime(), 36);
        var first = Fixtures.activeChineseSeller(api, "Ranked A " + UUID.randomUUID());
        var second = Fixtures.activeChineseSeller(api, "Ranked B " + UUID.randomUUID());
        publish(api, first, word);
        publish(api, second, word);
        List<String> sellers = awaitHits(api, word, 2);

        String top = sellers.getFirst();
        UUID topSeller = top.startsWith("Ranked A") ? first.sellerId() : second.sellerId();
        ActorContext.runAs(Actor.system("test"), () -> search.setSellerRanking(topSeller, new BigDecimal("0.2"), "test penalty"));
        assertThat(awaitHits(api, word, 2).getFirst()).isNotEqualTo(top);

        var page1 = api.get("/api/v1/storefront/SG/products?q=" + word + "&limit=1", null).json();
        var page2 = api.get("/api/v1/storefront/SG/products?q=" + word + "&limit=1&cursor=" + page1.get("nextCursor").asString(), null).json();
        assertThat(page2.get("items").get(0).get("offerId").asString()).isNotEqualTo(page1.get("items").get(0).get("offerId").asString());
        assertThat(page2.get("nextCursor").isNull()).isTrue();
    }

    private static void publish(Api api, Fixtures.SellerWithKey seller, String word) {
        var created = api.post("/api/v1/seller/products", seller.key(), """
                {"category":"lighting","fallbackLocale":"en","contents":[{"locale":"en","title":"Paper %s lamp","description":"Warm"}],
                 "skus":[{"code":"R-%s","basePrice":{"amount":20,"currency":"CNY"},"weightGrams":100,"lengthMm":10,"widthMm":10,"heightMm":10}]}
                """.formatted(word, UUID.randomUUID().toString().substring(0, 8)));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var published = api.post("/api/v1/seller/products/" + created.json().get("id").asString() + "/publications", seller.key(),
                "{\"markets\":[\"SG\"]}");
        assertThat(published.json().get("offers").get(0).get("status").asString()).isEqualTo("LIVE");
    }

    private static List<String> awaitHits(Api api, String word, int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 60_000; // asynchronous: queued behind re-indexing after rate changes
        List<String> sellers = List.of();
        while (System.currentTimeMillis() < deadline) {
            sellers = api.get("/api/v1/storefront/SG/products?q=" + word, null).json().get("items").valueStream()
                    .map(i -> i.get("seller").asString()).toList();
            if (sellers.size() == count) {
                return sellers;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("expected " + count + " hits for " + word + ", got " + sellers);
    }
}
