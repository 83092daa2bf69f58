package io.entrepot.governance;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.Shop;
import io.entrepot.support.SystemSql;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * The first-party retail team's statistics hide every seller: a category month with four sellers is
 * suppressed, one where a seller has more than half is suppressed, five balanced sellers are shown.
 * The test's orders are moved to months of the past that no other test uses.
 */
@IntegrationTest
class CategoryStatisticsIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void cellsThatWouldRevealASellerAreSuppressed() {
        var api = new Api(port);
        var shop = new Shop(api);
        Fixtures.freshRates(api);
        String run = Long.toString(System.nanoTime(), 36);
        List<Fixtures.SellerWithKey> sellers = new ArrayList<>();
        List<UUID> offers = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            var seller = shop.seller("Bag Maker " + i + " " + run, "CN", "CNY");
            sellers.add(seller);
            offers.add(shop.liveOffer(seller, "PH", "bags", "30.00", "CNY", 400, 100, 0));
        }
        var random = new java.util.Random();
        YearMonth quiet = YearMonth.of(1990 + random.nextInt(30), 1 + random.nextInt(12));
        YearMonth balanced = quiet.minusYears(40);
        String retail = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"first_party_retail\",\"label\":\"retail " + run + "\"}")
                .json().get("key").asString();

        // Four sellers: suppressed.
        for (int i = 0; i < 4; i++) {
            moveTo(quiet, order(shop, offers.get(i), 1));
        }
        assertThat(bags(api, retail, quiet).get("suppressed").asString()).isEqualTo("fewer than 5 sellers");
        assertThat(bags(api, retail, quiet).get("units").isNull()).isTrue();

        // A fifth seller with 7 of 11 units (64%): still suppressed.
        moveTo(quiet, order(shop, offers.get(4), 7));
        assertThat(bags(api, retail, quiet).get("suppressed").asString()).isEqualTo("one seller has more than 50% of it");
        assertThat(bags(api, retail, quiet).get("sales").isNull()).isTrue();

        // Five sellers with one each: shown, with units, sales and the average price.
        for (int i = 0; i < 5; i++) {
            moveTo(balanced, order(shop, offers.get(i), 1));
        }
        JsonNode shown = bags(api, retail, balanced);
        assertThat(shown.get("suppressed").isNull()).isTrue();
        assertThat(shown.get("units").asLong()).isEqualTo(5);
        assertThat(shown.get("sales").decimalValue()).isEqualByComparingTo(shown.get("averageUnitPrice").decimalValue().multiply(java.math.BigDecimal.valueOf(5)));

        // Who may ask: the retail team and staff; not a seller; months only, and only those begun.
        assertThat(api.get("/api/v1/insights/markets/PH/categories/" + balanced, sellers.getFirst().key()).status()).isEqualTo(403);
        assertThat(api.get("/api/v1/insights/markets/PH/categories/" + balanced, Api.ADMIN_KEY).status()).isEqualTo(200);
        assertThat(api.get("/api/v1/insights/markets/PH/categories/2026-13", retail).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/insights/markets/PH/categories/" + YearMonth.now(ZoneOffset.UTC).plusMonths(2), retail).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/insights/markets/PH/categories/" + balanced, null).status()).isEqualTo(401);
    }

    private static UUID order(Shop shop, UUID offer, int quantity) {
        var quote = shop.quote("PH", "[{\"offerId\":\"%s\",\"quantity\":%d}]".formatted(offer, quantity)).json();
        var placed = shop.order("PH", "stats-" + UUID.randomUUID(), UUID.fromString(quote.get("id").asString()), "tok_stats");
        assertThat(placed.status()).as(placed.body()).isEqualTo(201);
        return UUID.fromString(placed.json().get("sellerOrders").get(0).get("id").asString());
    }

    private void moveTo(YearMonth month, UUID sellerOrder) {
        assertThat(new SystemSql(jdbc, tx).number("""
                with moved as (update ordering.seller_order set created_at = timestamptz '%s-15 12:00:00+00' where id = '%s' returning 1)
                select count(*) from moved""".formatted(month, sellerOrder))).isEqualTo(1);
    }

    private static JsonNode bags(Api api, String key, YearMonth month) {
        var report = api.get("/api/v1/insights/markets/PH/categories/" + month, key);
        assertThat(report.status()).as(report.body()).isEqualTo(200);
        return report.json().get("cells").valueStream().filter(c -> c.get("category").asString().equals("bags")).findFirst().orElseThrow();
    }
}
