package io.entrepot.ledger;

import io.entrepot.shared.Money;
import java.util.Objects;

/**
 * One line of a journal entry: a debit (positive) or credit (negative) to an account, in its currency.
 * The two legs of a currency conversion carry the rate they were converted at.
 */
public record Posting(AccountRef account, Money amount, java.math.@org.jspecify.annotations.Nullable BigDecimal fxRate) {

    public Posting(AccountRef account, Money amount) {
        this(account, amount, null);
    }

    public Posting {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(amount, "amount");
        if (amount.isZero()) {
            throw new IllegalArgumentException("a posting moves a non-zero amount");
        }
        if (!amount.currency().equals(account.currency())) {
            throw new IllegalArgumentException("a posting in " + amount.currency() + " to an account kept in " + account.currency());
        }
    }

    public static Posting debit(AccountRef account, Money amount) {
        return new Posting(account, amount);
    }

    public static Posting credit(AccountRef account, Money amount) {
        return new Posting(account, amount.negate());
    }

    /** A leg of a currency conversion at a recorded rate. */
    public static Posting fxLeg(AccountRef account, Money signedAmount, java.math.BigDecimal rate) {
        return new Posting(account, signedAmount, rate);
    }
}
