package io.entrepot.ledger;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.entrepot.ledger.AccountRef.Kind;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalEntryTests {

    private static final CurrencyCode EUR = CurrencyCode.of("EUR");
    private static final CurrencyCode JPY = CurrencyCode.of("JPY");

    @Test
    void refusesAnEntryThatDoesNotBalanceInEachCurrency() {
        assertThatThrownBy(() -> new JournalEntry("x", "t", "1", "k", List.of(
                Posting.debit(AccountRef.platform(Kind.CASH, EUR), Money.ofMinor(100, "EUR")),
                Posting.credit(AccountRef.platform(Kind.REVENUE, EUR), Money.ofMinor(99, "EUR")))))
                .hasMessageContaining("does not balance in EUR");
        // Balanced in sum but not per currency: an FX conversion needs its own legs in each currency.
        assertThatThrownBy(() -> new JournalEntry("x", "t", "1", "k", List.of(
                Posting.debit(AccountRef.platform(Kind.CASH, EUR), Money.ofMinor(100, "EUR")),
                Posting.credit(AccountRef.platform(Kind.CASH, JPY), Money.ofMinor(100, "JPY")))))
                .hasMessageContaining("does not balance");
    }

    @Test
    void refusesPostingsInAnotherCurrencyThanTheAccountOrOfNothing() {
        assertThatThrownBy(() -> Posting.debit(AccountRef.platform(Kind.CASH, EUR), Money.ofMinor(100, "JPY")))
                .hasMessageContaining("kept in EUR");
        assertThatThrownBy(() -> Posting.debit(AccountRef.platform(Kind.CASH, EUR), Money.ofMinor(0, "EUR")))
                .hasMessageContaining("non-zero");
        assertThatThrownBy(() -> new JournalEntry("x", "t", "1", "k", List.of(
                Posting.debit(AccountRef.platform(Kind.CASH, EUR), Money.ofMinor(100, "EUR")))))
                .hasMessageContaining("at least two");
    }
}
