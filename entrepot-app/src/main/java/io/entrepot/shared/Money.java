package io.entrepot.shared;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * An amount in integer minor units of one currency. Arithmetic is checked: it throws on overflow and
 * on mixing currencies instead of silently producing a wrong amount.
 */
public record Money(long minor, CurrencyCode currency) implements Comparable<Money> {

    public Money {
        Objects.requireNonNull(currency, "currency");
    }

    public static Money ofMinor(long minor, String currency) {
        return new Money(minor, CurrencyCode.of(currency));
    }

    public static Money zero(CurrencyCode currency) {
        return new Money(0, currency);
    }

    /** Parses a decimal amount such as {@code 12.50}; more decimals than the currency has is an error. */
    public static Money of(BigDecimal amount, CurrencyCode currency) {
        try {
            return new Money(amount.movePointRight(currency.minorUnits()).longValueExact(), currency);
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException(
                    amount.toPlainString() + " is not a whole number of minor units of " + currency
                            + " (" + currency.minorUnits() + " decimals) or is out of range");
        }
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.addExact(minor, other.minor), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(Math.subtractExact(minor, other.minor), currency);
    }

    public Money times(long factor) {
        return new Money(Math.multiplyExact(minor, factor), currency);
    }

    public Money negate() {
        return new Money(Math.negateExact(minor), currency);
    }

    public boolean isNegative() {
        return minor < 0;
    }

    public boolean isZero() {
        return minor == 0;
    }

    /**
     * Splits this amount in proportion to the given ratios without losing or creating a minor unit: the
     * parts always sum to this amount, and leftover units go one each to the first parts.
     */
    public Money[] allocate(long... ratios) {
        if (ratios.length == 0) {
            throw new IllegalArgumentException("allocate needs at least one ratio");
        }
        long total = 0;
        for (long ratio : ratios) {
            if (ratio < 0) {
                throw new IllegalArgumentException("allocation ratios must not be negative");
            }
            total = Math.addExact(total, ratio);
        }
        if (total == 0) {
            throw new IllegalArgumentException("allocation ratios must not all be zero");
        }
        Money[] parts = new Money[ratios.length];
        long remainder = minor;
        var whole = BigDecimal.valueOf(minor);
        var sum = BigDecimal.valueOf(total);
        for (int i = 0; i < ratios.length; i++) {
            long share = whole.multiply(BigDecimal.valueOf(ratios[i]))
                    .divideToIntegralValue(sum).longValueExact();
            parts[i] = new Money(share, currency);
            remainder -= share;
        }
        long step = Long.signum(remainder);
        for (int i = 0; remainder != 0; i = (i + 1) % parts.length) {
            if (ratios[i] == 0) {
                continue;
            }
            parts[i] = new Money(parts[i].minor + step, currency);
            remainder -= step;
        }
        return parts;
    }

    /** The amount as a decimal with the currency's minor units, e.g. {@code 12.50}. */
    public BigDecimal toDecimal() {
        return BigDecimal.valueOf(minor, currency.minorUnits());
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return Long.compare(minor, other.minor);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new CurrencyMismatchException(currency, other.currency);
        }
    }

    @Override
    public String toString() {
        return toDecimal().toPlainString() + " " + currency;
    }

    /** Thrown when amounts in two currencies meet without an explicit exchange rate. */
    public static final class CurrencyMismatchException extends IllegalArgumentException {
        CurrencyMismatchException(CurrencyCode left, CurrencyCode right) {
            super("cannot combine " + left + " with " + right + " without an exchange rate");
        }
    }
}
