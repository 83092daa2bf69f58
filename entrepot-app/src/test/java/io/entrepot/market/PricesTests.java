package io.entrepot.market;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** base × rate × (1 + markup) → rounding, for the kinds of market the platform seeds. */
class PricesTests {

    private static final CurrencyCode CNY = CurrencyCode.of("CNY");
    private static final List<Market> MARKETS = List.of(
            market("JP", "JPY", PriceRounding.of("1", "half_up")),
            market("VN", "VND", PriceRounding.of("1000", "half_up")),
            market("ID", "IDR", PriceRounding.of("100", "half_up")),
            market("PH", "PHP", PriceRounding.of("1", "half_up")),
            market("DE", "EUR", PriceRounding.of("0.01", "up").withCharm("1", "0.99")),
            market("KW", "KWD", PriceRounding.of("0.001", "half_up")));

    @Test
    void pricesAreNeverNegativeAreInTheMarketsCurrencyAndRiseWithTheBasePrice() {
        for (Market market : MARKETS) {
            var rate = new ExchangeRate(CNY, market.currency(), new BigDecimal("21.1038961"), Instant.EPOCH, "test");
            qt().forAll(longs().between(0, 100_000_000L), longs().between(0, 100_000_000L), integers().between(-50, 300))
                    .checkAssert((a, b, markup) -> {
                        Money low = Money.ofMinor(Math.min(a, b), "CNY");
                        Money high = Money.ofMinor(Math.max(a, b), "CNY");
                        var lowPrice = Prices.derive(low, market, rate, BigDecimal.valueOf(markup));
                        var highPrice = Prices.derive(high, market, rate, BigDecimal.valueOf(markup));
                        assertThat(lowPrice.price().minor()).isNotNegative();
                        assertThat(lowPrice.price().currency()).isEqualTo(market.currency());
                        assertThat(highPrice.price().minor()).isGreaterThanOrEqualTo(lowPrice.price().minor());
                    });
        }
    }

    @Test
    void derivesPricesAsWorkedOutByHand() {
        // 100 CNY, EUR→JPY 162.50 and EUR→CNY 7.70, so CNY→JPY = 21.1038961…; +10% = 2,321.43 → ¥2,321.
        var cnyToJpy = new ExchangeRate(CNY, CurrencyCode.of("JPY"),
                new BigDecimal("162.50").divide(new BigDecimal("7.70"), java.math.MathContext.DECIMAL128), Instant.EPOCH, "test");
        var japan = Prices.derive(Money.ofMinor(10000, "CNY"), MARKETS.get(0), cnyToJpy, BigDecimal.TEN);
        assertThat(japan.price()).isEqualTo(Money.ofMinor(2321, "JPY"));
        assertThat(japan.exact()).isBetween(new BigDecimal("2321.42"), new BigDecimal("2321.43"));
        // Into EUR: 100 / 7.70 × 1.1 = 14.2857… → up to 14.29 → charm ending .99 → €14.99.
        var cnyToEur = new ExchangeRate(CNY, CurrencyCode.of("EUR"),
                BigDecimal.ONE.divide(new BigDecimal("7.70"), java.math.MathContext.DECIMAL128), Instant.EPOCH, "test");
        assertThat(Prices.derive(Money.ofMinor(10000, "CNY"), MARKETS.get(4), cnyToEur, BigDecimal.TEN).price())
                .isEqualTo(Money.ofMinor(1499, "EUR"));
        // Into VND at 3,520 per yuan: 99.99 CNY × 3,520 = 351,964.8 → ₫352,000.
        var cnyToVnd = new ExchangeRate(CNY, CurrencyCode.of("VND"), new BigDecimal("3520"), Instant.EPOCH, "test");
        assertThat(Prices.derive(Money.ofMinor(9999, "CNY"), MARKETS.get(1), cnyToVnd, BigDecimal.ZERO).price())
                .isEqualTo(Money.ofMinor(352000, "VND"));
    }

    private static Market market(String code, String currency, PriceRounding rounding) {
        CurrencyCode c = CurrencyCode.of(currency);
        return new Market(MarketCode.of(code), code, c, c.minorUnits(), List.of(Locale.ENGLISH), Locale.ENGLISH, rounding, 0, "",
                MarketStatus.OPEN);
    }
}
