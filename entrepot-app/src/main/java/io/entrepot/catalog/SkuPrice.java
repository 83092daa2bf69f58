package io.entrepot.catalog;

import io.entrepot.shared.Money;
import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/** One SKU's price in a market: explicit from the seller, or derived with the recorded rate. */
public record SkuPrice(String skuCode, Money price, boolean explicit, @Nullable BigDecimal fxRate) {
}
