package io.entrepot.market;

import io.entrepot.shared.Money;
import java.math.BigDecimal;

/** A market price and how it was reached: base × rate × (1 + markup), then the market's rounding. */
public record DerivedPrice(Money price, Money base, ExchangeRate rate, BigDecimal markupPct, BigDecimal exact,
        PriceRounding rounding) {
}
