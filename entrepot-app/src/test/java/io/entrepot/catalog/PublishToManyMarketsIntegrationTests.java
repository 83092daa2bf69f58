package io.entrepot.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.support.Api;
import io.entrepot.support.Fixtures;
import io.entrepot.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** One store sells globally: a product priced in CNY goes live in several markets in one call. */
@IntegrationTest
class PublishToManyMarketsIntegrationTests {

    @LocalServerPort
    int port;
    Api api;
    Fixtures.SellerWithKey seller;

    @BeforeEach
    void setUp() {
        api = new Api(port);
        Fixtures.freshRates(api);
        seller = Fixtures.activeChineseSeller(api, "Global Lantern Co " + UUID.randomUUID());
    }

    @Test
    void aProductWithTwoCnySkusGoesLiveInSgPhJpDeWithPricesThatFollowTheRules() {
        String word = "lanternx" + Long.toString(System.nanoTime(), 36);
        UUID product = createProduct("lighting", word, "A1", "100.00", "A2", "150.00");

        var published = api.post("/api/v1/seller/products/" + product + "/publications", seller.key(),
                "{\"markets\":[\"SG\",\"PH\",\"JP\",\"DE\"],\"markupPct\":10}");
        assertThat(published.status()).as(published.body()).isEqualTo(200);
        JsonNode offers = published.json().get("offers");
        assertThat(offers.valueStream().map(o -> o.get("market").asString() + ":" + o.get("status").asString()))
                .containsExactly("SG:LIVE", "PH:LIVE", "JP:LIVE", "DE:LIVE");
        // 100 CNY × (162.50 / 7.70) × 1.10 = 2,321.43 → ¥2,321; 150 CNY → 3,482.14 → ¥3,482 (whole yen).
        assertThat(prices(offers, "JP")).containsExactly("A1=2321 JPY", "A2=3482 JPY");
        // PHP rounds to whole pesos: 911.43 → 911; 1,367.14 → 1,367.
        assertThat(prices(offers, "PH")).containsExactly("A1=911 PHP", "A2=1367 PHP");
        // EUR: 14.29 → charm .99 → 14.99; 21.43 → 21.99.
        assertThat(prices(offers, "DE")).containsExactly("A1=14.99 EUR", "A2=21.99 EUR");

        JsonNode hit = awaitSearch("PH", word, h -> true);
        assertThat(hit.get("fromPrice").get("currency").asString()).isEqualTo("PHP");
        assertThat(hit.get("fromPrice").get("amount").decimalValue()).isEqualByComparingTo("911.00");
        assertThat(hit.get("title").asString()).contains(word);

        var history = api.get("/api/v1/seller/products/" + product + "/offers/JP/price-history", seller.key());
        assertThat(history.json().valueStream().map(h -> h.get("skuCode").asString().replaceAll("-.*", ""))).containsExactly("A1", "A2");
    }

    @Test
    void offersRepriceWhenTheExchangeRateChangesAndKeepTheirHistory() {
        String word = "repriced" + Long.toString(System.nanoTime(), 36);
        UUID product = createProduct("lighting", word, "R1", "100.00", "R2", "200.00");
        var published = api.post("/api/v1/seller/products/" + product + "/publications", seller.key(),
                "{\"markets\":[\"JP\"],\"markupPct\":10,\"prices\":{\"JP\":{\"R2-%s\":5000}}}".formatted(skuSuffix(product)));
        assertThat(prices(published.json().get("offers"), "JP")).containsExactly("R1=2321 JPY", "R2=5000 JPY");

        String finance = api.post("/api/v1/ops/api-keys", Api.ADMIN_KEY, "{\"role\":\"finance\",\"label\":\"reprice\"}")
                .json().get("key").asString();
        try {
            var override = api.send(api.request("/api/v1/ops/fx/overrides/CNY/JPY", finance).header("Content-Type", "application/json")
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("{\"rate\":22,\"reason\":\"test: yen weakens\"}")).build());
            assertThat(override.status()).isEqualTo(200);
            // 100 CNY × 22 × 1.10 = 2,420 yen; the explicit price of R2 stays.
            long deadline = System.currentTimeMillis() + 60_000; // asynchronous: queued behind re-indexing after rate changes
            List<String> now = List.of();
            while (System.currentTimeMillis() < deadline) {
                now = offerPrices(product, "JP");
                if (now.contains("R1=2420 JPY")) {
                    break;
                }
                sleep();
            }
            assertThat(now).containsExactly("R1=2420 JPY", "R2=5000 JPY");
            var history = api.get("/api/v1/seller/products/" + product + "/offers/JP/price-history", seller.key()).json();
            assertThat(history.valueStream().filter(h -> h.get("skuCode").asString().startsWith("R1"))
                    .map(h -> h.get("cause").asString())).containsExactly("publication", "exchange rate change");
        } finally {
            api.delete("/api/v1/ops/fx/overrides/CNY/JPY", finance);
        }
    }

    @Test
    void aProhibitedCategoryIsBlockedWithAReasonWhereItIsProhibited() {
        UUID vape = createProduct("e-cigarettes", "vapor" + Long.toString(System.nanoTime(), 36), "V1", "80.00", "V2", "90.00");
        var published = api.post("/api/v1/seller/products/" + vape + "/publications", seller.key(), "{\"markets\":[\"SG\",\"JP\"]}");
        JsonNode offers = published.json().get("offers");
        assertThat(offers.get(0).get("status").asString()).isEqualTo("BLOCKED");
        assertThat(offers.get(0).get("reasons").valueStream().map(JsonNode::asString)).containsExactly("CATEGORY_PROHIBITED");
        assertThat(offers.get(0).get("prices").isEmpty()).isTrue();
        assertThat(offers.get(1).get("status").asString()).isEqualTo("LIVE");
        var sgOffers = api.get("/api/v1/seller/offers?market=SG", seller.key()).json();
        assertThat(sgOffers.valueStream().filter(o -> o.get("productId").asString().equals(vape.toString()))
                .map(o -> o.get("status").asString())).containsExactly("BLOCKED");
    }

    @Test
    void aMarketOpenedThroughTheApiTakesPublicationsAndShowsInSearchWithoutRestart() {
        if (api.get("/api/v1/ops/markets/CH", Api.ADMIN_KEY).status() == 404) {
            assertThat(api.post("/api/v1/ops/markets", Api.ADMIN_KEY, """
                    {"code":"CH","name":"Switzerland","currency":"CHF","locales":["de-CH","fr-CH","en-CH"],"priceIncrement":0.05,
                     "priceRounding":"half_up","returnWindowDays":0,"returnBasis":"no statutory right"}
                    """).status()).isEqualTo(201);
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
            assertThat(api.post("/api/v1/ops/markets/CH/trade-rule-versions", Api.ADMIN_KEY, """
                    {"effectiveFrom":"%s","taxName":"MWST","importTaxRatePct":8.1,"taxCollection":"platform_at_checkout",
                     "source":"ESTV","asOf":"2026"}
                    """.formatted(now)).status()).isEqualTo(201);
            assertThat(api.post("/api/v1/ops/lanes", Api.ADMIN_KEY, """
                    {"originCountry":"CN","destinationMarket":"CH","carrierService":"Entrepot Air Economy","transitDaysMin":6,"transitDaysMax":12}
                    """).status()).isEqualTo(201);
        }
        String word = "swisslamp" + Long.toString(System.nanoTime(), 36);
        UUID product = createProduct("lighting", word, "C1", "100.00", "C2", "120.00");
        var published = api.post("/api/v1/seller/products/" + product + "/publications", seller.key(), "{\"markets\":[\"CH\"]}");
        assertThat(published.json().get("offers").get(0).get("status").asString()).as(published.body()).isEqualTo("LIVE");
        // 100 CNY × 0.9350 / 7.70 = 12.1428… → nearest 0.05 → 12.15 CHF; 120 CNY → 14.571… → 14.55 CHF.
        assertThat(prices(published.json().get("offers"), "CH")).containsExactly("C1=12.15 CHF", "C2=14.55 CHF");
        JsonNode hit = awaitSearch("CH", word, h -> true);
        assertThat(hit.get("fromPrice").get("currency").asString()).isEqualTo("CHF");
    }

    @Test
    void aWholeCatalogueIsBlockedWithAReasonInAMarketWhoseCurrencyHasNoRate() {
        // The tenge: no ECB reference rate and no override, so no price can be derived from a yuan base price.
        if (api.get("/api/v1/ops/markets/KZ", Api.ADMIN_KEY).status() == 404) {
            assertThat(api.post("/api/v1/ops/markets", Api.ADMIN_KEY, """
                    {"code":"KZ","name":"Kazakhstan","currency":"KZT","locales":["ru-KZ","en-KZ"],"priceIncrement":1,
                     "priceRounding":"half_up","returnWindowDays":14,"returnBasis":"consumer protection law"}
                    """).status()).isEqualTo(201);
        }
        // This test's seller (a new one, see setUp) has only these two products.
        String word = "norate" + Long.toString(System.nanoTime(), 36);
        createProduct("lighting", word, "N1", "100.00", "N2", "150.00");
        createProduct("kitchen", word, "N3", "30.00", "N4", "40.00");
        var result = api.post("/api/v1/seller/markets/KZ/publications", seller.key(), "{}");
        assertThat(result.status()).as(result.body()).isEqualTo(200);
        assertThat(result.json().get("products").asInt()).isEqualTo(2);
        assertThat(result.json().get("live").asInt()).isZero();
        assertThat(result.json().get("prices").asInt()).isZero();
        assertThat(result.json().get("reasons").get("NO_FRESH_EXCHANGE_RATE").asInt()).isEqualTo(2);
    }

    @Test
    void aWholeCatalogueIsPublishedToAMarketInOneCall() {
        var fresh = Fixtures.activeChineseSeller(api, "Bulk Co " + UUID.randomUUID());
        Fixtures.SellerWithKey previous = seller;
        seller = fresh;
        try {
            String word = "bulkitem" + Long.toString(System.nanoTime(), 36);
            createProduct("lighting", word, "K1", "100.00", "K2", "150.00");
            createProduct("kitchen", word, "K3", "30.00", "K4", "40.00");
            createProduct("e-cigarettes", word, "K5", "50.00", "K6", "60.00");
            var result = api.post("/api/v1/seller/markets/SG/publications", fresh.key(), "{\"markupPct\":5}");
            assertThat(result.status()).as(result.body()).isEqualTo(200);
            assertThat(result.json().get("products").asInt()).isEqualTo(3);
            assertThat(result.json().get("live").asInt()).isEqualTo(2);
            assertThat(result.json().get("blocked").asInt()).isEqualTo(1);
            assertThat(result.json().get("prices").asInt()).isEqualTo(4);
            assertThat(result.json().get("reasons").get("CATEGORY_PROHIBITED").asInt()).isEqualTo(1);
            long deadline = System.currentTimeMillis() + 60_000; // asynchronous: queued behind re-indexing after rate changes
            int hits = 0;
            while (hits < 2 && System.currentTimeMillis() < deadline) {
                hits = api.get("/api/v1/storefront/SG/products?q=" + word, null).json().get("items").size();
                sleep();
            }
            assertThat(hits).isEqualTo(2);
            assertThat(api.post("/api/v1/seller/markets/SG/publications", fresh.key(), "{\"markupPct\":-100}").status()).isEqualTo(400);
            assertThat(api.post("/api/v1/seller/markets/QQ/publications", fresh.key(), "{}").status()).isEqualTo(400);
        } finally {
            seller = previous;
        }
    }

    @Test
    void badPublicationsAndProductsAreClearProblemsAndWriteNothing() {
        UUID product = createProduct("lighting", "plain" + Long.toString(System.nanoTime(), 36), "B1", "10.00", "B2", "12.00");
        var unknownMarket = api.post("/api/v1/seller/products/" + product + "/publications", seller.key(), "{\"markets\":[\"PH\",\"CA\"]}");
        assertThat(unknownMarket.status()).isEqualTo(404);
        assertThat(api.get("/api/v1/seller/offers?market=PH", seller.key()).json().valueStream()
                .noneMatch(o -> o.get("productId").asString().equals(product.toString()))).as("nothing half-written").isTrue();
        assertThat(api.post("/api/v1/seller/products/" + product + "/publications", seller.key(), "{\"markets\":[\"ph\"]}").status())
                .isEqualTo(400);
        assertThat(api.post("/api/v1/seller/products/" + product + "/publications", seller.key(),
                "{\"markets\":[\"PH\"],\"prices\":{\"PH\":{\"B1\":-5}}}").status()).isEqualTo(400);

        var negative = api.post("/api/v1/seller/products", seller.key(), productJson("lighting", "x", "N1", "-1.00", "N2", "1.00"));
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.json().get("errors").get(0).get("field").asString()).isEqualTo("skus[0].basePrice.amount");
        var badCurrency = api.post("/api/v1/seller/products", seller.key(), productJson("lighting", "x", "N1", "1.00", "N2", "1.00").replace("\"CNY\"", "\"YUAN\""));
        assertThat(badCurrency.status()).isEqualTo(400);
        var unknownCategory = api.post("/api/v1/seller/products", seller.key(), productJson("spaceships", "x", "N1", "1.00", "N2", "1.00"));
        assertThat(unknownCategory.status()).isEqualTo(400);
        assertThat(unknownCategory.json().get("detail").asString()).contains("spaceships");
        var tooPrecise = api.post("/api/v1/seller/products", seller.key(), productJson("lighting", "x", "N1", "1.001", "N2", "1.00"));
        assertThat(tooPrecise.status()).isEqualTo(400);
    }

    @Test
    void aSellerCannotSeeOrPublishAnotherSellersProduct() {
        UUID mine = createProduct("lighting", "mine" + Long.toString(System.nanoTime(), 36), "M1", "10.00", "M2", "12.00");
        var other = Fixtures.activeChineseSeller(api, "Other Co " + UUID.randomUUID());
        var read = api.get("/api/v1/seller/products/" + mine, other.key());
        assertThat(read.status()).isEqualTo(404);
        assertThat(read.body()).doesNotContain("mine");
        assertThat(api.post("/api/v1/seller/products/" + mine + "/publications", other.key(), "{\"markets\":[\"PH\"]}").status())
                .isEqualTo(404);
    }

    private String skuSuffix(UUID product) {
        return api.get("/api/v1/seller/products/" + product, seller.key()).json().get("skus").get(0).get("code").asString()
                .replaceAll("^[^-]*-", "");
    }

    private List<String> offerPrices(UUID product, String market) {
        return api.get("/api/v1/seller/offers?market=" + market, seller.key()).json().valueStream()
                .filter(o -> o.get("productId").asString().equals(product.toString())).findFirst().orElseThrow()
                .get("prices").valueStream()
                .map(p -> p.get("sku").asString().replaceAll("-.*", "") + "=" + p.get("amount").decimalValue().stripTrailingZeros().toPlainString()
                        + " " + p.get("currency").asString())
                .sorted().toList();
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private UUID createProduct(String category, String word, String sku1, String price1, String sku2, String price2) {
        var created = api.post("/api/v1/seller/products", seller.key(), productJson(category, word, sku1, price1, sku2, price2));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private String productJson(String category, String word, String sku1, String price1, String sku2, String price2) {
        String suffix = Long.toString(System.nanoTime(), 36);
        return """
                {"category":"%s","brandName":"Lumen","fallbackLocale":"en",
                 "contents":[{"locale":"en","title":"Paper %s lamp","description":"Folding paper lamp, warm light"},
                             {"locale":"zh-CN","title":"纸灯笼 %s","description":"折叠纸灯，暖光"}],
                 "skus":[{"code":"%s-%s","basePrice":{"amount":%s,"currency":"CNY"},"weightGrams":300,"lengthMm":300,"widthMm":300,"heightMm":40,
                          "stock":[{"warehouseId":"%s","available":50}]},
                         {"code":"%s-%s","basePrice":{"amount":%s,"currency":"CNY"},"weightGrams":450,"lengthMm":400,"widthMm":400,"heightMm":50}]}
                """.formatted(category, word, word, sku1, suffix, price1, seller.warehouseId(), sku2, suffix, price2);
    }

    private static java.util.List<String> prices(JsonNode offers, String market) {
        return offers.valueStream().filter(o -> o.get("market").asString().equals(market)).findFirst().orElseThrow()
                .get("prices").valueStream()
                .map(p -> p.get("sku").asString().replaceAll("-.*", "") + "=" + p.get("amount").decimalValue().stripTrailingZeros().toPlainString()
                        + " " + p.get("currency").asString())
                .toList();
    }

    private JsonNode awaitSearch(String market, String word, Predicate<JsonNode> condition) {
        long deadline = System.currentTimeMillis() + 60_000; // asynchronous: queued behind re-indexing after rate changes
        while (true) {
            var page = api.get("/api/v1/storefront/" + market + "/products?q=" + word, null);
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            var hit = page.json().get("items").valueStream().filter(condition).findFirst();
            if (hit.isPresent()) {
                return hit.get();
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError("no search hit for " + word + " in " + market + " within 60 s: " + page.body());
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
