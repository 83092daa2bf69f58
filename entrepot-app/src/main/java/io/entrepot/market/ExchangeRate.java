package io.entrepot.market;

import io.entrepot.shared.CurrencyCode;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Instant;
import java.util.Objects;

/** Units of {@code to} per one unit of {@code from}, with where it came from and when it was published. */
public record ExchangeRate(CurrencyCode from, CurrencyCode to, BigDecimal rate, Instant asOf, String source) {

    public ExchangeRate {
        Objects.requireNonNull(rate, "rate");
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("an exchange rate must be positive");
        }
    }

    /** The exact (unrounded) amount in {@code to} for an amount in {@code from}. */
    public BigDecimal convert(BigDecimal amount) {
        return amount.multiply(rate, MathContext.DECIMAL128);
    }
}
