package io.entrepot.reviews;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Penalties decay: once a seller's confirmed fakes have left the 90-day window, its steps are lifted and its ranking restored. */
@IntegrationTest
class EnforcementDecayIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void stepsAreLiftedWhenTheirFakesLeaveTheWindow() {
        var api = new Api(port);
        var buy = new DeliveredPurchases(api);
        Fixtures.freshRates(api);
        String run = Long.toString(System.nanoTime(), 36);
        var seller = new Shop(api).seller("Decaying Lamps " + run, "CN", "CNY");
        var lamp = buy.product(seller, "Wall lamp " + run, "70.00");
        List<String> texts = GenuineTexts.forRun(3, System.nanoTime());
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            var purchase = buy.deliveredWithoutScans(seller, lamp.offerId(), "decay" + i + "-" + run + "@example.com", (20 + i) + " Rizal St",
                    "tok_decay_" + run + i);
            ids.add(buy.review(purchase, 5, texts.get(i), "en").json().get("id").asString());
        }
        var removed = api.post("/api/v1/ops/reviews/decisions", Api.ADMIN_KEY, """
                {"reviewIds":["%s","%s","%s"],"decision":"remove","reason":"a review ring, confirmed by the buyers' chat logs"}"""
                .formatted(ids.get(0), ids.get(1), ids.get(2)));
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        JsonNode steps = api.get("/api/v1/ops/sellers/" + seller.sellerId() + "/enforcement", Api.ADMIN_KEY).json();
        assertThat(steps.valueStream().map(s -> s.get("step").asString()).toList()).containsExactlyInAnyOrder("warning", "ranking_penalty");

        // Nothing has aged yet: re-evaluating changes nothing.
        assertThat(api.post("/api/v1/ops/enforcement/decay", Api.ADMIN_KEY, "{}").status()).isEqualTo(200);
        assertThat(active(api, seller.sellerId().toString())).isEqualTo(2);

        // Two of the three fakes are now 100 days old: one remains, the penalty goes, the warning stays.
        var sql = new SystemSql(jdbc, tx);
        assertThat(sql.number("""
                with aged as (update reviews.confirmed_fake set confirmed_at = confirmed_at - interval '100 days'
                              where review_id in ('%s', '%s') returning 1) select count(*) from aged""".formatted(ids.get(0), ids.get(1)))).isEqualTo(2);
        api.post("/api/v1/ops/enforcement/decay", Api.ADMIN_KEY, "{}");
        steps = api.get("/api/v1/ops/sellers/" + seller.sellerId() + "/enforcement", Api.ADMIN_KEY).json();
        assertThat(steps.valueStream().filter(s -> s.get("liftedAt").isNull()).map(s -> s.get("step").asString()).toList()).containsExactly("warning");
        assertThat(steps.valueStream().filter(s -> s.get("step").asString().equals("ranking_penalty")).findFirst().orElseThrow()
                .get("liftedBecause").asString()).contains("1 confirmed fake reviews in the last 90 days");
        assertThat(sql.number("select round(factor * 100) from search.seller_ranking where seller_id = '" + seller.sellerId() + "'")).isEqualTo(100);
        assertThat(api.get("/api/v1/seller/enforcement", seller.key()).json().get("notices").valueStream()
                .anyMatch(n -> n.get("subject").asString().startsWith("Lifted"))).isTrue();
    }

    private static long active(Api api, String seller) {
        return api.get("/api/v1/ops/sellers/" + seller + "/enforcement", Api.ADMIN_KEY).json().valueStream().filter(s -> s.get("liftedAt").isNull()).count();
    }
}
