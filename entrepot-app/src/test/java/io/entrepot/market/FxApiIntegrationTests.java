package io.entrepot.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.IntegrationTest;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Finance imports the ECB's rates and prices follow rate × markup → the market's rounding. */
@IntegrationTest
class FxApiIntegrationTests {

    @LocalServerPort
    int port;
    Api api;
    String financeKey;

    @BeforeEach
    void yesterdaysReferenceRates() {
        api = new Api(port);
        financeKey = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"fx import\"}")
                .json().get("key").asString();
        // Yesterday's publication, so the rates are fresh whenever the test runs.
        String day = LocalDate.now(ZoneId.of("Europe/Berlin")).minusDays(1).format(DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.ENGLISH));
        var imported = post("/api/v1/ops/fx/ecb", financeKey, "text/csv", """
                Date, USD, JPY, CNY, PHP, SGD, GBP,
                %s, 1.0850, 162.50, 7.7000, 63.800, 1.4300, 0.83500,
                """.formatted(day));
        assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        assertThat(imported.json().get("publications").asInt()).isEqualTo(1);
        // The demo data prices with labelled overrides; these tests are about reference rates.
        for (String currency : new String[] {"JPY", "PHP", "EUR"}) {
            assertThat(api.delete("/api/v1/ops/fx/overrides/CNY/" + currency, financeKey).status()).isEqualTo(204);
        }
    }

    @Test
    void pricesFollowRateTimesMarkupThenTheMarketsRounding() {
        var japan = api.get("/api/v1/ops/fx/price?amount=100&currency=CNY&market=JP&markupPct=10", financeKey);
        assertThat(japan.status()).as(japan.body()).isEqualTo(200);
        assertThat(japan.json().get("price").get("amount").decimalValue()).isEqualByComparingTo("2321");
        assertThat(japan.json().get("price").get("currency").asString()).isEqualTo("JPY");
        var philippines = api.get("/api/v1/ops/fx/price?amount=100&currency=CNY&market=PH&markupPct=10", financeKey);
        assertThat(philippines.json().get("price").get("amount").decimalValue()).isEqualByComparingTo("911.00");
        var germany = api.get("/api/v1/ops/fx/price?amount=100&currency=CNY&market=DE&markupPct=10", financeKey);
        assertThat(germany.json().get("price").get("amount").decimalValue()).isEqualByComparingTo("14.99");
        assertThat(germany.json().get("rate").get("source").asString()).contains("ECB");
    }

    @Test
    void badRateFilesAndPricesAreClearProblems() {
        assertThat(post("/api/v1/ops/fx/ecb", financeKey, "text/csv", "Date, USD\nyesterday, 1.08\n").status()).isEqualTo(400);
        assertThat(post("/api/v1/ops/fx/ecb", financeKey, "application/xml", "<not-closed").status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ops/fx/price?amount=-1&currency=CNY&market=JP", financeKey).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ops/fx/price?amount=1&currency=XYZ&market=JP", financeKey).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ops/fx/price?amount=1&currency=CNY&market=ZZ", financeKey).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ops/fx/price?amount=1.001&currency=CNY&market=JP", financeKey).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ops/fx/rates/CNY/KWD", financeKey).status()).as("no rate known").isEqualTo(404);
        String sellerKey = api.newSellerKey(api.newSeller("FX Curious Co"));
        assertThat(post("/api/v1/ops/fx/ecb", sellerKey, "text/csv", "Date, USD\n").status()).isEqualTo(403);
    }

    @Test
    void financeOverridesAPairTheEcbDoesNotPublish() {
        var set = api.send(api.request("/api/v1/ops/fx/overrides/CNY/VND", financeKey).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rate\":3520,\"reason\":\"VND is not an ECB reference currency\"}")).build());
        assertThat(set.status()).as(set.body()).isEqualTo(200);
        var vietnam = api.get("/api/v1/ops/fx/price?amount=99.99&currency=CNY&market=VN", financeKey);
        assertThat(vietnam.json().get("price").get("amount").decimalValue()).isEqualByComparingTo("352000");
        assertThat(vietnam.json().get("rate").get("source").asString()).contains("manual override");
        var bad = api.send(api.request("/api/v1/ops/fx/overrides/CNY/VND", financeKey).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"rate\":0,\"reason\":\"\"}")).build());
        assertThat(bad.status()).isEqualTo(400);
    }

    private Api.Response post(String path, String key, String contentType, String body) {
        return api.send(api.request(path, key).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }
}
