package io.entrepot.ledger;

import io.entrepot.shared.Money;
import java.util.Objects;

/** One line of a journal entry: a debit (positive) or credit (negative) to an account, in its currency. */
public record Posting(AccountRef account, Money amount) {

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
}
