package io.entrepot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.longs;

import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class PriceRoundingTests {

    private static final CurrencyCode JPY = CurrencyCode.of("JPY");
    private static final CurrencyCode VND = CurrencyCode.of("VND");
    private static final CurrencyCode IDR = CurrencyCode.of("IDR");
    private static final CurrencyCode USD = CurrencyCode.of("USD");

    /** The seeded markets' kinds of rule, with their currency. */
    private static final List<Case> RULES = List.of(
            new Case(PriceRounding.of("1", "half_up"), JPY),
            new Case(PriceRounding.of("10", "half_up"), CurrencyCode.of("KRW")),
            new Case(PriceRounding.of("1000", "half_up"), VND),
            new Case(PriceRounding.of("100", "half_up"), IDR),
            new Case(PriceRounding.of("0.01", "up").withCharm("1", "0.99"), USD),
            new Case(PriceRounding.of("0.01", "up").withCharm("1", "0.90"), CurrencyCode.of("BRL")),
            new Case(PriceRounding.of("1", "half_up").withCharm("100", "80"), JPY),
            new Case(PriceRounding.of("0.01", "down"), CurrencyCode.of("KWD")),
            new Case(PriceRounding.of("0.001", "half_up"), CurrencyCode.of("EUR")));

    @Test
    void roundedPricesAreNeverNegativeAndLieOnTheMarketsGrid() {
        for (Case rule : RULES) {
            qt().forAll(longs().between(0, 10_000_000_000L)).checkAssert(thousandths -> {
                Money price = rule.rounding().apply(BigDecimal.valueOf(thousandths, 3), rule.currency());
                assertThat(price.minor()).isNotNegative();
                assertThat(price.currency()).isEqualTo(rule.currency());
                BigDecimal step = rule.rounding().increment().max(BigDecimal.ONE.movePointLeft(rule.currency().minorUnits()));
                assertThat(price.toDecimal().remainder(step).signum() == 0
                        || rule.rounding().charmModulus() != null).as("%s on the grid of %s", price, step).isTrue();
            });
        }
    }

    @Test
    void aHigherAmountNeverGetsALowerPrice() {
        for (Case rule : RULES) {
            qt().forAll(longs().between(0, 1_000_000_000L), longs().between(0, 1_000_000_000L)).checkAssert((a, b) -> {
                long low = Math.min(a, b);
                long high = Math.max(a, b);
                Money lowPrice = rule.rounding().apply(BigDecimal.valueOf(low, 2), rule.currency());
                Money highPrice = rule.rounding().apply(BigDecimal.valueOf(high, 2), rule.currency());
                assertThat(highPrice.minor()).isGreaterThanOrEqualTo(lowPrice.minor());
            });
        }
    }

    @Test
    void charmPricesEndAsTheMarketWants() {
        var usd = PriceRounding.of("0.01", "up").withCharm("1", "0.99");
        qt().forAll(longs().between(0, 100_000_000L)).checkAssert(cents -> {
            Money price = usd.apply(BigDecimal.valueOf(cents, 2), USD);
            assertThat(price.minor() % 100).isEqualTo(99);
            assertThat(price.minor()).isGreaterThanOrEqualTo(cents).isLessThan(cents + 100);
        });
    }

    @Test
    void roundsAsWorkedOutByHand() {
        assertThat(PriceRounding.of("1", "half_up").apply(new BigDecimal("1234.5"), JPY)).isEqualTo(Money.ofMinor(1235, "JPY"));
        assertThat(PriceRounding.of("1", "half_up").apply(new BigDecimal("1234.49"), JPY)).isEqualTo(Money.ofMinor(1234, "JPY"));
        assertThat(PriceRounding.of("1000", "half_up").apply(new BigDecimal("123456"), VND)).isEqualTo(Money.ofMinor(123000, "VND"));
        assertThat(PriceRounding.of("1000", "half_up").apply(new BigDecimal("123500"), VND)).isEqualTo(Money.ofMinor(124000, "VND"));
        // IDR keeps ISO's two minor units; the price is a whole hundred rupiah.
        assertThat(PriceRounding.of("100", "half_up").apply(new BigDecimal("15049.99"), IDR)).isEqualTo(Money.ofMinor(1500000, "IDR"));
        assertThat(PriceRounding.of("0.01", "up").withCharm("1", "0.99").apply(new BigDecimal("12.301"), USD))
                .isEqualTo(Money.ofMinor(1299, "USD"));
        assertThat(PriceRounding.of("0.01", "up").withCharm("1", "0.99").apply(new BigDecimal("13.00"), USD))
                .isEqualTo(Money.ofMinor(1399, "USD"));
        assertThat(PriceRounding.of("1", "half_up").withCharm("100", "80").apply(new BigDecimal("1234"), JPY))
                .isEqualTo(Money.ofMinor(1280, "JPY"));
        // An increment finer than the currency is raised to the currency's smallest unit.
        assertThat(PriceRounding.of("0.01", "half_up").apply(new BigDecimal("99.5"), JPY)).isEqualTo(Money.ofMinor(100, "JPY"));
    }

    @Test
    void refusesRulesThatCannotWork() {
        assertThatThrownBy(() -> PriceRounding.of("0", "half_up")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PriceRounding.of("1", "sideways")).hasMessageContaining("half_up, up or down");
        assertThatThrownBy(() -> PriceRounding.of("1", "up").withCharm("1", "1")).hasMessageContaining("below its modulus");
        assertThatThrownBy(() -> PriceRounding.of("1", "up").apply(new BigDecimal("-1"), JPY)).hasMessageContaining("negative");
    }

    private record Case(PriceRounding rounding, CurrencyCode currency) {
    }
}
