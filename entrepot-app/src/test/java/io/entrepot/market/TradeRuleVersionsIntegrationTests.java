package io.entrepot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entrepot.market.internal.MarketStore;
import io.entrepot.market.internal.TradeRuleStore;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.support.IntegrationTest;
import io.entrepot.support.MovableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Trade rules change on known dates; the version in force at an instant is the one that applies. */
@IntegrationTest
class TradeRuleVersionsIntegrationTests {

    @Autowired
    Markets markets;
    @Autowired
    MarketStore marketStore;
    @Autowired
    TradeRuleStore ruleStore;
    @Autowired
    io.entrepot.market.internal.DutyRateStore dutyStore;

    @Test
    void theEuFlatDutyPerCategoryStartsOnTheFirstOfJuly2026() {
        var before = rules("DE", "2026-06-30T23:59:59Z");
        assertThat(before.flatDutyPerCategory()).isNull();
        assertThat(before.dutyDeMinimis().amount()).isEqualTo(Money.ofMinor(15000, "EUR"));

        var after = rules("DE", "2026-07-01T00:00:00Z");
        assertThat(after.flatDutyPerCategory()).isEqualTo(Money.ofMinor(300, "EUR"));
        assertThat(after.dutyDeMinimis()).isNull();
        assertThat(rules("FR", "2026-07-01T00:00:00Z").flatDutyPerCategory()).isEqualTo(Money.ofMinor(300, "EUR"));
        assertThat(rules("DE", "2028-07-01T00:00:00Z").flatDutyPerCategory()).isNull();
    }

    @Test
    void theUsDeMinimisIsSuspendedThenRepealed() {
        assertThat(rules("US", "2025-08-28T12:00:00Z").dutyDeMinimis().amount()).isEqualTo(Money.ofMinor(80000, "USD"));
        var suspended = rules("US", "2025-08-29T00:00:00Z");
        assertThat(suspended.dutyDeMinimis()).isNull();
        assertThat(suspended.notes()).contains("suspended");
        var repealed = rules("US", "2027-07-01T00:00:00Z");
        assertThat(repealed.dutyDeMinimis()).isNull();
        assertThat(repealed.notes()).contains("repealed");
    }

    @Test
    void theUkDutyReliefEndsInMarch2029() {
        assertThat(rules("GB", "2029-02-28T23:00:00Z").dutyDeMinimis().amount()).isEqualTo(Money.ofMinor(13500, "GBP"));
        assertThat(rules("GB", "2029-03-01T00:00:00Z").dutyDeMinimis()).isNull();
    }

    @Test
    void japanMovesCollectionToThePlatformInApril2028() {
        var before = rules("JP", "2028-03-31T23:59:59Z");
        assertThat(before.collection()).isEqualTo(TaxCollection.BORDER);
        assertThat(before.taxDeMinimis().amount()).isEqualTo(Money.ofMinor(10000, "JPY"));
        var after = rules("JP", "2028-04-01T00:00:00Z");
        assertThat(after.collection()).isEqualTo(TaxCollection.PLATFORM_AT_CHECKOUT);
        assertThat(after.taxDeMinimis()).isNull();
    }

    @Test
    void aFutureVersionAppliesOnlyOnceTheClockPassesItsStart() {
        var clock = new MovableClock(Instant.parse("2031-01-01T00:00:00Z"));
        var markets = new Markets(marketStore, ruleStore, dutyStore, clock);
        MarketCode code = ActorContext.callAs(Actor.system("test"), () -> freshMarket(markets));
        Instant start = clock.instant().plus(Duration.ofDays(30));
        ActorContext.runAs(Actor.system("test"), () -> markets.addRuleVersion(version(code, clock.instant(), "8")));
        ActorContext.runAs(Actor.system("test"), () -> markets.addRuleVersion(version(code, start, "12")));

        assertThat(markets.rulesNow(code).orElseThrow().importTaxRatePct()).isEqualByComparingTo("8");
        clock.advance(Duration.ofDays(30).minusSeconds(1));
        assertThat(markets.rulesNow(code).orElseThrow().importTaxRatePct()).isEqualByComparingTo("8");
        clock.advance(Duration.ofSeconds(1));
        assertThat(markets.rulesNow(code).orElseThrow().importTaxRatePct()).isEqualByComparingTo("12");
        assertThat(markets.ruleVersions(code)).extracting(TradeRules::effectiveTo).containsExactly(start, null);
    }

    @Test
    void versionsCannotOverlapOrRewriteThePast() {
        var clock = new MovableClock(Instant.parse("2031-01-01T00:00:00Z"));
        var markets = new Markets(marketStore, ruleStore, dutyStore, clock);
        MarketCode code = ActorContext.callAs(Actor.system("test"), () -> freshMarket(markets));
        ActorContext.runAs(Actor.system("test"), () -> markets.addRuleVersion(version(code, clock.instant(), "8")));
        assertThatThrownBy(() -> ActorContext.runAs(Actor.system("test"),
                () -> markets.addRuleVersion(version(code, clock.instant(), "9"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("already has a trade-rule version");
        clock.advance(Duration.ofDays(1));
        assertThatThrownBy(() -> ActorContext.runAs(Actor.system("test"),
                () -> markets.addRuleVersion(version(code, Instant.parse("2031-01-01T12:00:00Z"), "9"))))
                .isInstanceOf(ConflictException.class).hasMessageContaining("cannot start in the past");
        assertThat(markets.ruleVersions(code)).hasSize(1);
    }

    private TradeRules rules(String market, String instant) {
        return markets.rulesAt(MarketCode.of(market), Instant.parse(instant)).orElseThrow();
    }

    /** A market of its own per test, picked among countries the seed does not use. */
    private static MarketCode freshMarket(Markets markets) {
        for (String country : Locale.getISOCountries()) {
            MarketCode code = MarketCode.of(country);
            if (markets.find(code).isEmpty() && !List.of("NZ", "CA", "CH").contains(country)) {
                markets.open(new MarketDefinition(code, "Test market " + country, CurrencyCode.of("EUR"), 2,
                        List.of(Locale.ENGLISH), Locale.ENGLISH, PriceRounding.of("0.01", "half_up"), 14, "test"));
                return code;
            }
        }
        throw new IllegalStateException("no free country code left");
    }

    private static TradeRules version(MarketCode code, Instant from, String rate) {
        return new TradeRules(Ids.newId(), code, from, null, "VAT", new BigDecimal(rate), TaxCollection.BORDER, null,
                null, null, null, Set.of(), "test", "2031", "", "");
    }
}
