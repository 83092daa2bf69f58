package io.entrepot.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.support.BrowserSession;
import io.entrepot.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-in, the three areas, translations and error pages, as a browser without JavaScript sees them. */
@IntegrationTest
class PagesIntegrationTests {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transactions;

    @Test
    void anOperatorSignsInAndSeesTheConsoleWithLiveFigures() {
        var browser = new BrowserSession(port);
        var signIn = browser.signIn("admin@entrepot.example", "entrepot-demo");
        assertThat(signIn.statusCode()).isEqualTo(302);
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/console"));

        var console = browser.get("/console");
        assertThat(console.statusCode()).isEqualTo(200);
        assertThat(console.body()).contains("Operator console").contains("data-figure=\"seller.status.active\"")
                .contains("hx-get=\"/console/tiles\"");
        var tiles = browser.get("/console/tiles");
        assertThat(tiles.statusCode()).isEqualTo(200);
        assertThat(tiles.body()).contains("data-figure=\"market.tile.open\"").doesNotContain("<html");
    }

    @Test
    void sessionsAreKeptInPostgres() {
        var browser = new BrowserSession(port);
        browser.signIn("finance@entrepot.example", "entrepot-demo");
        long sessions = ActorContext.callAs(Actor.system("test"), () -> transactions.execute(tx -> jdbc.sql(
                "select count(*) from identity.spring_session where principal_name = 'finance@entrepot.example'")
                .query(Long.class).single()));
        assertThat(sessions).isPositive();
    }

    @Test
    void aWrongPasswordReturnsToTheFormWithAMessage() {
        var browser = new BrowserSession(port);
        var signIn = browser.signIn("admin@entrepot.example", "not-the-password");
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login?error"));
        assertThat(browser.get("/login?error").body()).contains("id=\"login-failed\"");
        assertThat(browser.get("/console").statusCode()).isEqualTo(302);
    }

    @Test
    void aSellerSeesTheirPortalButNotTheConsole() {
        var browser = new BrowserSession(port);
        var signIn = browser.signIn("seller@lumen.example", "entrepot-demo");
        assertThat(signIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/seller"));
        var portal = browser.get("/seller");
        assertThat(portal.statusCode()).isEqualTo(200);
        assertThat(portal.body()).contains("Lumen Home").doesNotContain("Hanoi Silk House");
        assertThat(browser.get("/console").statusCode()).isEqualTo(403);
    }

    @Test
    void theFirstPartyRetailTeamIsNotOperatorStaff() {
        var browser = new BrowserSession(port);
        browser.signIn("retail@entrepot.example", "entrepot-demo");
        assertThat(browser.get("/console").statusCode()).isEqualTo(403);
    }

    @Test
    void formsWithoutACsrfTokenAreRefused() {
        var browser = new BrowserSession(port);
        var post = browser.postForm("/login", "username=admin%40entrepot.example&password=entrepot-demo");
        assertThat(post.statusCode()).isEqualTo(403);
    }

    @Test
    void pagesSpeakSimplifiedChineseOnRequestAndRememberIt() {
        var browser = new BrowserSession(port);
        assertThat(browser.get("/?lang=zh-CN").body()).contains("买遍全球").contains("lang=\"zh-CN\"");
        assertThat(browser.get("/").body()).contains("买遍全球");
        assertThat(browser.get("/?lang=en").body()).contains("Shop the world");
    }

    @Test
    void theMarketSwitcherListsMarketsAndRemembersTheChoice() {
        var browser = new BrowserSession(port);
        var page = browser.get("/?market=PH");
        assertThat(page.body()).contains("<option value=\"PH\" selected>Philippines (PHP)</option>")
                .contains("market PH");
        assertThat(browser.get("/").body()).contains("market PH");
        assertThat(browser.get("/?market=XX").body()).as("unknown market ignored").contains("market PH");
    }

    @Test
    void operatorsSeeMarketsTheirTradeRuleVersionsAndRates() {
        var browser = new BrowserSession(port);
        browser.signIn("compliance@entrepot.example", "entrepot-demo");
        var markets = browser.get("/console/markets");
        assertThat(markets.statusCode()).isEqualTo(200);
        assertThat(markets.body()).contains("data-market=\"PH\"").contains("Philippines").contains("VAT 12%");
        var germany = browser.get("/console/markets/DE");
        assertThat(germany.statusCode()).isEqualTo(200);
        assertThat(germany.body()).contains("2026-07-01T00:00:00Z").contains("3.00 EUR").contains("class=\"current\"");
        var fx = browser.get("/console/fx");
        assertThat(fx.statusCode()).isEqualTo(200);
        assertThat(fx.body()).contains("CNY → JPY");
        var bad = browser.get("/console/markets/ZZ");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("The request could not be understood.");
        assertThat(browser.get("/console/markets/CA").statusCode()).isEqualTo(404);

        String token = BrowserSession.csrf(germany.body());
        String from = java.time.Instant.now().plus(java.time.Duration.ofDays(3650 + new java.util.Random().nextInt(3650)))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        String version = "_csrf=" + token + "&effectiveFrom=" + from + "&taxName=MwSt&importTaxRatePct=19&taxCollection=platform_at_checkout"
                + "&dutyDeMinimis=&dutyCurrency=EUR&dutyBasis=per_consignment&flatDuty=2&flatDutyCurrency=EUR"
                + "&prohibitedCategories=e-cigarettes&source=test&asOf=2036&notes=console";
        var added = browser.postForm("/console/markets/DE/trade-rule-versions", version);
        assertThat(added.statusCode()).isEqualTo(302);
        assertThat(browser.get("/console/markets/DE").body()).contains(from).contains("2.00 EUR");
        var again = browser.postForm("/console/markets/DE/trade-rule-versions", version);
        assertThat(again.statusCode()).isEqualTo(409);
        var badVersion = browser.postForm("/console/markets/DE/trade-rule-versions", version.replace("effectiveFrom=" + from, "effectiveFrom=tomorrow"));
        assertThat(badVersion.statusCode()).isEqualTo(400);
        assertThat(badVersion.body()).contains("id=\"form-error\"");
    }

    @Test
    void anAdminOpensAMarketInTheConsoleAndAnotherRoleCannot() {
        var admin = new BrowserSession(port);
        admin.signIn("admin@entrepot.example", "entrepot-demo");
        String token = BrowserSession.csrf(admin.get("/console/markets/new").body());
        String code = "IS";
        var bad = admin.postForm("/console/markets", "_csrf=" + token + "&code=" + code + "&name=Iceland&currency=ZZZ&locales=is-IS"
                + "&priceIncrement=1&priceRounding=half_up&charmModulus=&charmEnding=&returnWindowDays=14&returnBasis=");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"form-error\"").contains("ZZZ");
        var created = admin.postForm("/console/markets", "_csrf=" + token + "&code=" + code + "&name=Iceland&currency=ISK&locales=is-IS,en-IS"
                + "&priceIncrement=10&priceRounding=half_up&charmModulus=&charmEnding=&returnWindowDays=14&returnBasis=EEA+rules");
        assertThat(created.statusCode()).isIn(302, 409);
        assertThat(admin.get("/console/markets").body()).contains("data-market=\"IS\"");
        var paused = admin.postForm("/console/markets/IS/pause", "_csrf=" + token);
        assertThat(paused.statusCode()).isEqualTo(302);
        assertThat(admin.get("/console/markets/IS/edit").body()).contains("value=\"Iceland\"");
        admin.postForm("/console/markets/IS/resume", "_csrf=" + token);

        var compliance = new BrowserSession(port);
        compliance.signIn("compliance@entrepot.example", "entrepot-demo");
        String theirs = BrowserSession.csrf(compliance.get("/console/markets").body());
        assertThat(compliance.postForm("/console/markets/IS/pause", "_csrf=" + theirs).statusCode()).isEqualTo(403);
    }

    @Test
    void financeSetsAnOverrideInTheConsoleAndOtherRolesCannot() {
        var finance = new BrowserSession(port);
        finance.signIn("finance@entrepot.example", "entrepot-demo");
        String token = BrowserSession.csrf(finance.get("/console/fx").body());
        var set = finance.postForm("/console/fx/overrides", "_csrf=" + token + "&from=CNY&to=SAR&rate=0.5284&reason=console+test");
        assertThat(set.statusCode()).isEqualTo(200);
        assertThat(set.body()).contains("id=\"fx-notice\"").contains("CNY → SAR 0.5284");
        var bad = finance.postForm("/console/fx/overrides", "_csrf=" + token + "&from=CNY&to=SAR&rate=-1&reason=x");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"fx-error\"");
        var logistics = new BrowserSession(port);
        logistics.signIn("logistics@entrepot.example", "entrepot-demo");
        String theirs = BrowserSession.csrf(logistics.get("/console/fx").body());
        assertThat(logistics.postForm("/console/fx/overrides", "_csrf=" + theirs + "&from=CNY&to=SAR&rate=1&reason=x").statusCode())
                .isEqualTo(403);
    }

    @Test
    void aSellerSeesItsCatalogueWithEachMarketsStanding() {
        var browser = new BrowserSession(port);
        browser.signIn("seller@lumen.example", "entrepot-demo");
        var catalog = browser.get("/seller/catalog");
        assertThat(catalog.statusCode()).isEqualTo(200);
        assertThat(catalog.body()).contains("Catalogue");
        var operator = new BrowserSession(port);
        operator.signIn("admin@entrepot.example", "entrepot-demo");
        assertThat(operator.get("/seller/catalog").statusCode()).isEqualTo(403);
        assertThat(browser.get("/console/markets").statusCode()).isEqualTo(403);
    }

    @Test
    void aSellerCreatesAProductInThePortalPublishesItAndBuyersOpenItsPage() throws Exception {
        var api = new io.entrepot.support.Api(port);
        io.entrepot.support.Fixtures.freshRates(api);
        String email = "portal-" + java.util.UUID.randomUUID() + "@example.com";
        var seller = io.entrepot.support.Fixtures.activeChineseSeller(api, "Portal Maker " + java.util.UUID.randomUUID());
        assertThat(api.post("/api/v1/ops/accounts", io.entrepot.support.Api.ADMIN_KEY, """
                {"email":"%s","password":"long-enough-1","displayName":"Maker","kind":"seller","sellerId":"%s"}
                """.formatted(email, seller.sellerId())).status()).isEqualTo(201);
        var browser = new BrowserSession(port);
        browser.signIn(email, "long-enough-1");
        String token = BrowserSession.csrf(browser.get("/seller/products/new").body());
        String word = "portalkite" + Long.toString(System.nanoTime(), 36);
        var bad = browser.postForm("/seller/products", "_csrf=" + token + "&category=toys&title=" + word
                + "&description=x&titleZh=&skuCode=K-" + word + "&basePrice=-3&currency=CNY&weightGrams=300");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("id=\"form-error\"");
        var created = browser.postForm("/seller/products", "_csrf=" + token + "&category=toys&title=" + word
                + "&description=Swallow+kite&titleZh=&skuCode=K-" + word + "&basePrice=59&currency=CNY&weightGrams=300");
        assertThat(created.statusCode()).isEqualTo(302);
        var catalog = browser.get("/seller/catalog").body();
        assertThat(catalog).contains(word);
        String productId = java.util.regex.Pattern.compile("/seller/products/([0-9a-f-]{36})/publish").matcher(catalog)
                .results().findFirst().orElseThrow().group(1);
        var published = browser.postForm("/seller/products/" + productId + "/publish", "_csrf=" + token + "&market=PH&markupPct=10");
        assertThat(published.statusCode()).isEqualTo(302);
        assertThat(browser.get("/seller/catalog").body()).contains("PH: live");
        var edit = browser.get("/seller/products/" + productId + "/edit");
        assertThat(edit.statusCode()).isEqualTo(200);
        assertThat(edit.body()).contains("value=\"" + word + "\"");
        var renamed = browser.postForm("/seller/products/" + productId, "_csrf=" + token + "&category=toys&title=" + word
                + "+deluxe&description=Swallow+kite&titleZh=%E9%A3%8E%E7%AD%9D");
        assertThat(renamed.statusCode()).isEqualTo(302);
        assertThat(browser.get("/seller/catalog").body()).contains(word + " deluxe");
        var other = new BrowserSession(port);
        other.signIn("seller@lumen.example", "entrepot-demo");
        assertThat(other.get("/seller/products/" + productId + "/edit").statusCode()).isEqualTo(404);

        long deadline = System.currentTimeMillis() + 60_000; // asynchronous: queued behind re-indexing after rate changes
        String offerId = null;
        while (offerId == null && System.currentTimeMillis() < deadline) {
            var items = api.get("/api/v1/storefront/PH/products?q=" + word, null).json().get("items");
            offerId = items.isEmpty() ? null : items.get(0).get("offerId").asString();
            Thread.sleep(100);
        }
        assertThat(offerId).isNotNull();
        var page = new BrowserSession(port).get("/store/products/" + offerId);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains(word).contains("data-currency=\"PHP\"").contains("Swallow kite");
        long renamedBy = System.currentTimeMillis() + 60_000; // asynchronous, as above
        while (!new BrowserSession(port).get("/store/products/" + offerId).body().contains(word + " deluxe")
                && System.currentTimeMillis() < renamedBy) {
            Thread.sleep(100);
        }
        assertThat(new BrowserSession(port).get("/store/products/" + offerId).body()).as("search shows the edited title").contains(word + " deluxe");
        assertThat(new BrowserSession(port).get("/store/products/" + java.util.UUID.randomUUID()).statusCode()).isEqualTo(404);
    }

    @Test
    void anUnknownPageIsAFriendlyNotFoundPage() {
        var page = new BrowserSession(port).get("/no-such-page");
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/html"));
        assertThat(page.body()).contains("There is nothing at this address.").doesNotContain("Exception");
    }
}
