package io.entrepot.market;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.BrowserSession;
import io.entrepot.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Opening a market is data, not code: an operator adds one through the API and it is usable at once. */
@IntegrationTest
class MarketsApiIntegrationTests {

    private static final String NEW_ZEALAND = """
            {"code":"NZ","name":"New Zealand","currency":"NZD","locales":["en-NZ","mi-NZ"],"priceIncrement":0.01,
             "priceRounding":"up","charmModulus":1,"charmEnding":0.99,"returnWindowDays":0,"returnBasis":"Consumer Guarantees Act"}
            """;

    @LocalServerPort
    int port;
    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        if (api.get("/api/v1/ops/markets/NZ", Api.ADMIN_KEY).status() == 404) {
            assertThat(api.post("/api/v1/ops/markets", Api.ADMIN_KEY, NEW_ZEALAND).status()).isEqualTo(201);
        }
        api.post("/api/v1/ops/markets/NZ/resume", Api.ADMIN_KEY, "");
    }

    @Test
    void aMarketAddedThroughTheApiIsOfferedToBuyersAtOnce() {
        var storefront = api.get("/api/v1/storefront/markets", null);
        assertThat(storefront.status()).isEqualTo(200);
        assertThat(storefront.json().valueStream().map(m -> m.get("code").asString())).contains("NZ", "PH", "SG", "DE");
        var nz = api.get("/api/v1/ops/markets/NZ", Api.ADMIN_KEY).json();
        assertThat(nz.get("currency").asString()).isEqualTo("NZD");
        assertThat(nz.get("defaultLocale").asString()).isEqualTo("en-NZ");
        assertThat(nz.get("rounding").get("charmEnding").decimalValue()).isEqualByComparingTo("0.99");
        assertThat(new BrowserSession(port).get("/?market=NZ").body()).contains("<option value=\"NZ\" selected>New Zealand (NZD)</option>");
    }

    @Test
    void openingAnExistingMarketIsAConflict() {
        var again = api.post("/api/v1/ops/markets", Api.ADMIN_KEY, NEW_ZEALAND);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("urn:entrepot:problem:market-exists");
    }

    @Test
    void aPausedMarketLeavesTheStorefrontUntilResumed() {
        assertThat(api.post("/api/v1/ops/markets/NZ/pause", Api.ADMIN_KEY, "").json().get("status").asString()).isEqualTo("paused");
        assertThat(api.get("/api/v1/storefront/markets", null).json().valueStream().map(m -> m.get("code").asString()))
                .doesNotContain("NZ");
        assertThat(api.post("/api/v1/ops/markets/NZ/resume", Api.ADMIN_KEY, "").json().get("status").asString()).isEqualTo("open");
        assertThat(api.get("/api/v1/storefront/markets", null).json().valueStream().map(m -> m.get("code").asString()))
                .contains("NZ");
    }

    @Test
    void anOperatorChangesAMarketWithPut() {
        var changed = api.send(api.request("/api/v1/ops/markets/NZ", Api.ADMIN_KEY).header("Content-Type", "application/json")
                .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(NEW_ZEALAND.replace("\"returnWindowDays\":0", "\"returnWindowDays\":7")))
                .build());
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("returnWindowDays").asInt()).isEqualTo(7);
    }

    @Test
    void tradeRulesAreReadForAnInstantAndAddedAsVersions() {
        var eu = api.get("/api/v1/ops/markets/DE/trade-rules?at=2026-07-01T00:00:00Z", Api.ADMIN_KEY);
        assertThat(eu.status()).isEqualTo(200);
        assertThat(eu.json().get("flatDutyPerCategory").get("amount").decimalValue()).isEqualByComparingTo("3.00");
        assertThat(api.get("/api/v1/ops/markets/DE/trade-rules?at=2026-06-30T00:00:00Z", Api.ADMIN_KEY)
                .json().get("dutyDeMinimis").get("basis").asString()).isEqualTo("per_consignment");

        String from = Instant.now().plus(400, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
        var added = api.post("/api/v1/ops/markets/NZ/trade-rule-versions", Api.ADMIN_KEY, """
                {"effectiveFrom":"%s","taxName":"GST","importTaxRatePct":15,"taxCollection":"platform_at_checkout",
                 "checkoutCeiling":{"amount":1000,"currency":"NZD"},"prohibitedCategories":["e-cigarettes"],
                 "source":"IRD low-value imported goods","asOf":"2026-11"}
                """.formatted(from));
        assertThat(added.status()).as(added.body()).isIn(201, 409);
        var versions = api.get("/api/v1/ops/markets/NZ/trade-rule-versions", Api.ADMIN_KEY);
        assertThat(versions.json().valueStream().map(v -> v.get("taxName").asString())).contains("GST");
        assertThat(api.get("/api/v1/ops/markets/NZ/trade-rules", Api.ADMIN_KEY).status())
                .as("the future version is not in force today").isEqualTo(404);
    }

    @Test
    void badMarketInputGetsClearProblems() {
        assertThat(api.get("/api/v1/ops/markets/XX", Api.ADMIN_KEY).status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ops/markets/CA", Api.ADMIN_KEY).status()).isEqualTo(404);
        var badCurrency = api.post("/api/v1/ops/markets", Api.ADMIN_KEY, NEW_ZEALAND.replace("\"NZD\"", "\"NZ$\"").replace("\"NZ\"", "\"CA\""));
        assertThat(badCurrency.status()).isEqualTo(400);
        assertThat(badCurrency.json().get("errors").get(0).get("field").asString()).isEqualTo("currency");
        var unknownCurrency = api.post("/api/v1/ops/markets", Api.ADMIN_KEY, NEW_ZEALAND.replace("\"NZD\"", "\"QQQ\"").replace("\"NZ\"", "\"CA\""));
        assertThat(unknownCurrency.status()).isEqualTo(400);
        assertThat(unknownCurrency.json().get("detail").asString()).contains("QQQ");
        var badCharm = api.post("/api/v1/ops/markets", Api.ADMIN_KEY, NEW_ZEALAND.replace("\"charmEnding\":0.99", "\"charmEnding\":1.5").replace("\"NZ\"", "\"CA\""));
        assertThat(badCharm.status()).isEqualTo(400);
        var negativeThreshold = api.post("/api/v1/ops/markets/NZ/trade-rule-versions", Api.ADMIN_KEY, """
                {"effectiveFrom":"2040-01-01T00:00:00Z","taxName":"GST","importTaxRatePct":15,"taxCollection":"border",
                 "dutyDeMinimis":{"amount":-5,"currency":"NZD","basis":"fob"},"source":"x","asOf":"2026"}
                """);
        assertThat(negativeThreshold.status()).isEqualTo(400);
        var badRate = api.post("/api/v1/ops/markets/NZ/trade-rule-versions", Api.ADMIN_KEY, """
                {"effectiveFrom":"2040-01-01T00:00:00Z","taxName":"GST","importTaxRatePct":150,"taxCollection":"border","source":"x","asOf":"2026"}
                """);
        assertThat(badRate.status()).isEqualTo(400);
        assertThat(api.get("/api/v1/ops/markets/CA", Api.ADMIN_KEY).status()).as("nothing half-written").isEqualTo(404);
    }

    @Test
    void onlyAdminsOpenMarkets() {
        var financeKey = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"fx bot\"}").json().get("key").asString();
        assertThat(api.post("/api/v1/ops/markets", financeKey, NEW_ZEALAND.replace("\"NZ\"", "\"CA\"")).status()).isEqualTo(403);
        String sellerKey = api.newSellerKey(api.newSeller("Market Peeker Co"));
        assertThat(api.get("/api/v1/ops/markets", sellerKey).status()).isEqualTo(403);
    }
}
