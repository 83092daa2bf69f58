package io.entrepot.market;

import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One dated version of a market's import rules, in force from {@code effectiveFrom} (inclusive) until
 * {@code effectiveTo} (exclusive, open-ended when absent). Always looked up for an instant.
 */
public record TradeRules(UUID id, MarketCode market, Instant effectiveFrom, @Nullable Instant effectiveTo,
        String taxName, BigDecimal importTaxRatePct, TaxCollection collection, @Nullable Money checkoutCeiling,
        @Nullable Threshold dutyDeMinimis, @Nullable Threshold taxDeMinimis, @Nullable Money flatDutyPerCategory,
        Set<String> prohibitedCategories, String source, String asOf, String confidence, String notes) {

    public TradeRules {
        Objects.requireNonNull(effectiveFrom, "effectiveFrom");
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("effective_to must be after effective_from");
        }
        if (importTaxRatePct.signum() < 0 || importTaxRatePct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("import tax rate must be between 0 and 100 percent");
        }
        prohibitedCategories = Set.copyOf(prohibitedCategories);
    }

    public boolean inForceAt(Instant instant) {
        return !instant.isBefore(effectiveFrom) && (effectiveTo == null || instant.isBefore(effectiveTo));
    }

    public boolean prohibits(String category) {
        return prohibitedCategories.contains(category);
    }
}
