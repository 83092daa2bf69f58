package io.entrepot.market;

import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a market rounds a derived price: to a multiple of {@code increment} (e.g. 1 yen, 1,000 dong,
 * 100 rupiah, 0.01 euro) with an explicit rounding mode, then optionally up to a charm ending
 * (e.g. x.99 with modulus 1, or ¥…80 with modulus 100). Never negative, and never lower for a higher input.
 */
public record PriceRounding(BigDecimal increment, RoundingMode mode, @Nullable BigDecimal charmModulus,
        @Nullable BigDecimal charmEnding) {

    public PriceRounding {
        Objects.requireNonNull(increment, "increment");
        Objects.requireNonNull(mode, "mode");
        if (increment.signum() <= 0) {
            throw new IllegalArgumentException("price increment must be positive");
        }
        if (mode != RoundingMode.HALF_UP && mode != RoundingMode.UP && mode != RoundingMode.DOWN) {
            throw new IllegalArgumentException("price rounding must be half_up, up or down");
        }
        if ((charmModulus == null) != (charmEnding == null)) {
            throw new IllegalArgumentException("a charm ending needs both a modulus and an ending");
        }
        if (charmModulus != null && (charmModulus.signum() <= 0 || charmEnding.signum() < 0
                || charmEnding.compareTo(charmModulus) >= 0)) {
            throw new IllegalArgumentException("the charm ending must be at least 0 and below its modulus");
        }
        increment = increment.stripTrailingZeros();
    }

    public static PriceRounding of(String increment, String mode) {
        return new PriceRounding(new BigDecimal(increment), modeOf(mode), null, null);
    }

    public PriceRounding withCharm(String modulus, String ending) {
        return new PriceRounding(increment, mode, new BigDecimal(modulus), new BigDecimal(ending));
    }

    public static RoundingMode modeOf(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "half_up" -> RoundingMode.HALF_UP;
            case "up" -> RoundingMode.UP;
            case "down" -> RoundingMode.DOWN;
            default -> throw new IllegalArgumentException("price rounding must be half_up, up or down; got: " + key);
        };
    }

    public String modeKey() {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    /**
     * Rounds an exact amount (major units, not negative) to a price in the currency. The increment is
     * raised to the currency's smallest unit when it is finer, so the result always fits the currency.
     */
    public Money apply(BigDecimal amount, CurrencyCode currency) {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("cannot price a negative amount");
        }
        BigDecimal smallest = BigDecimal.ONE.movePointLeft(currency.minorUnits());
        BigDecimal step = increment.max(smallest);
        BigDecimal rounded = amount.divide(step, 0, mode).multiply(step);
        if (charmModulus != null) {
            rounded = charm(rounded, step);
        }
        return Money.of(rounded.setScale(currency.minorUnits(), RoundingMode.UNNECESSARY), currency);
    }

    /** The smallest charm price not below the rounded one, e.g. 12.30 → 12.99, 13.00 → 13.99. */
    private BigDecimal charm(BigDecimal rounded, BigDecimal step) {
        BigDecimal base = rounded.divide(charmModulus, 0, RoundingMode.FLOOR).multiply(charmModulus);
        BigDecimal candidate = base.add(charmEnding);
        if (candidate.compareTo(rounded) < 0) {
            candidate = candidate.add(charmModulus);
        }
        // Keep the result on the market's grid even if the ending is finer than the increment.
        return candidate.divide(step, 0, RoundingMode.UP).multiply(step);
    }

    @Override
    public String toString() {
        return "to " + increment.toPlainString() + " (" + modeKey() + ")"
                + (charmModulus == null ? "" : ", ending " + charmEnding.toPlainString() + " per " + charmModulus.toPlainString());
    }
}
