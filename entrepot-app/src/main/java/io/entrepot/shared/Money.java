package io.entrepot.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
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
     * parts always sum to this amount, each part is within one minor unit of its exact share, and the
     * leftover units go to the parts with the largest remainders (largest remainder method).
     */
    public Money[] allocate(long... ratios) {
        if (ratios.length == 0) {
            throw new IllegalArgumentException("allocate needs at least one ratio");
        }
        BigInteger total = BigInteger.ZERO;
        for (long ratio : ratios) {
            if (ratio < 0) {
                throw new IllegalArgumentException("allocation ratios must not be negative");
            }
            total = total.add(BigInteger.valueOf(ratio));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("allocation ratios must not all be zero");
        }
        BigInteger whole = BigInteger.valueOf(minor).abs();
        long[] shares = new long[ratios.length];
        BigInteger[] remainders = new BigInteger[ratios.length];
        long leftover = Math.absExact(minor);
        for (int i = 0; i < ratios.length; i++) {
            BigInteger[] division = whole.multiply(BigInteger.valueOf(ratios[i])).divideAndRemainder(total);
            shares[i] = division[0].longValueExact();
            remainders[i] = division[1];
            leftover -= shares[i];
        }
        Integer[] byRemainder = new Integer[ratios.length];
        for (int i = 0; i < byRemainder.length; i++) {
            byRemainder[i] = i;
        }
        java.util.Arrays.sort(byRemainder, (a, b) -> {
            int order = remainders[b].compareTo(remainders[a]);
            return order != 0 ? order : Integer.compare(a, b);
        });
        for (int k = 0; k < leftover; k++) {
            shares[byRemainder[k]]++;
        }
        Money[] parts = new Money[ratios.length];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = new Money(minor < 0 ? -shares[i] : shares[i], currency);
        }
        return parts;
    }

    /** A percentage of this amount, rounded to the currency's minor unit as named. */
    public Money percent(BigDecimal pct, java.math.RoundingMode rounding) {
        return Money.of(toDecimal().multiply(pct).movePointLeft(2).setScale(currency.minorUnits(), rounding), currency);
    }

    /** This amount in another currency at a rate (units of {@code to} per unit of this one), rounded as named. */
    public Money converted(BigDecimal rate, CurrencyCode to, java.math.RoundingMode rounding) {
        return Money.of(toDecimal().multiply(rate).setScale(to.minorUnits(), rounding), to);
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
