package io.entrepot.market.web;

import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** An amount in the API: a decimal in major units and an ISO 4217 currency, e.g. {@code {"amount": "3.00", "currency": "EUR"}}. */
record MoneyAmount(@NotNull BigDecimal amount,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency) {

    Money toMoney() {
        if (amount.signum() < 0) {
            throw new IllegalArgumentException("amounts must not be negative");
        }
        return Money.of(amount, CurrencyCode.of(currency));
    }

    static @Nullable MoneyAmount of(@Nullable Money money) {
        return money == null ? null : new MoneyAmount(money.toDecimal(), money.currency().code());
    }
}
