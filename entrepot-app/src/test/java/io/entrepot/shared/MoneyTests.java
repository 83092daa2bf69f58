package io.entrepot.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.arrays;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import java.math.BigDecimal;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class MoneyTests {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");

    @Test
    void allocationNeverLosesOrCreatesAMinorUnit() {
        qt().forAll(longs().between(-1_000_000_000_000L, 1_000_000_000_000L),
                        arrays().ofIntegers(integers().between(0, 1_000)).withLengthBetween(1, 12))
                .assuming((amount, ratios) -> Arrays.stream(ratios).anyMatch(r -> r > 0))
                .checkAssert((amount, ratios) -> {
                    long[] weights = Arrays.stream(ratios).mapToLong(Integer::longValue).toArray();
                    Money[] parts = new Money(amount, EUR).allocate(weights);
                    assertThat(Arrays.stream(parts).mapToLong(Money::minor).sum()).isEqualTo(amount);
                    for (int i = 0; i < parts.length; i++) {
                        if (weights[i] == 0) {
                            assertThat(parts[i].minor()).isZero();
                        }
                        // Each part is within one minor unit of its exact share.
                        BigDecimal exact = BigDecimal.valueOf(amount).multiply(BigDecimal.valueOf(weights[i]))
                                .divide(BigDecimal.valueOf(Arrays.stream(weights).sum()), 10, java.math.RoundingMode.HALF_EVEN);
                        assertThat(BigDecimal.valueOf(parts[i].minor()).subtract(exact).abs()).isLessThan(BigDecimal.ONE);
                    }
                });
    }

    @Test
    void additionAndSubtractionAreInverse() {
        qt().forAll(longs().between(-1L << 40, 1L << 40), longs().between(-1L << 40, 1L << 40))
                .checkAssert((a, b) -> assertThat(new Money(a, EUR).plus(new Money(b, EUR)).minus(new Money(b, EUR)))
                        .isEqualTo(new Money(a, EUR)));
    }

    @Test
    void splitsTenEurosThreeWaysAsOneExpects() {
        Money[] parts = Money.ofMinor(1000, "EUR").allocate(1, 1, 1);
        assertThat(parts).extracting(Money::minor).containsExactly(334L, 333L, 333L);
    }

    @Test
    void refusesToMixCurrencies() {
        assertThatThrownBy(() -> Money.ofMinor(100, "EUR").plus(Money.ofMinor(100, "USD")))
                .isInstanceOf(Money.CurrencyMismatchException.class)
                .hasMessageContaining("EUR").hasMessageContaining("USD");
    }

    @Test
    void overflowThrowsInsteadOfWrappingAround() {
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE, EUR).plus(Money.ofMinor(1, "EUR")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Money(Long.MAX_VALUE / 2 + 1, EUR).times(2))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void knowsEachCurrencysMinorUnits() {
        assertThat(Money.of(new BigDecimal("1234"), CurrencyCode.of("JPY")).minor()).isEqualTo(1234);
        assertThat(Money.of(new BigDecimal("12.345"), CurrencyCode.of("KWD")).minor()).isEqualTo(12345);
        assertThat(Money.of(new BigDecimal("12.34"), CurrencyCode.of("IDR")).minor()).isEqualTo(1234);
        assertThatThrownBy(() -> Money.of(new BigDecimal("12.5"), CurrencyCode.of("JPY")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JPY");
        assertThat(Money.ofMinor(1250, "EUR").toDecimal()).isEqualByComparingTo("12.50");
    }

    @Test
    void rejectsUnknownCurrencies() {
        assertThatThrownBy(() -> CurrencyCode.of("XYZ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CurrencyCode.of("eur")).isInstanceOf(IllegalArgumentException.class);
    }
}
