package io.entrepot.market;

import io.entrepot.shared.Money;
import java.util.Objects;

/** A de minimis: at or below {@code amount}, measured on {@code basis}, nothing is collected. */
public record Threshold(Money amount, ValueBasis basis) {

    public Threshold {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(basis, "basis");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("a threshold cannot be negative");
        }
        if (basis == ValueBasis.NONE) {
            throw new IllegalArgumentException("a threshold needs a value basis other than none");
        }
    }
}
