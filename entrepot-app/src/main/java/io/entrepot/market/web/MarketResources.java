package io.entrepot.market.web;

import io.entrepot.market.Market;
import io.entrepot.market.Threshold;
import io.entrepot.market.TradeRules;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How markets and trade rules look in the API. */
final class MarketResources {

    private MarketResources() {
    }

    record MarketResource(String code, String name, String currency, int displayMinorUnits, List<String> locales,
            String defaultLocale, Rounding rounding, int returnWindowDays, String returnBasis, String status) {
    }

    record Rounding(BigDecimal increment, String mode, @Nullable BigDecimal charmModulus, @Nullable BigDecimal charmEnding) {
    }

    record ThresholdResource(MoneyAmount amount, String basis) {
    }

    record TradeRulesResource(UUID id, String market, Instant effectiveFrom, @Nullable Instant effectiveTo, String taxName,
            BigDecimal importTaxRatePct, String taxCollection, @Nullable MoneyAmount checkoutCeiling,
            @Nullable ThresholdResource dutyDeMinimis, @Nullable ThresholdResource taxDeMinimis,
            @Nullable MoneyAmount flatDutyPerCategory, List<String> prohibitedCategories, String source, String asOf,
            String confidence, String notes) {
    }

    static MarketResource of(Market m) {
        return new MarketResource(m.code().value(), m.name(), m.currency().code(), m.displayMinorUnits(),
                m.locales().stream().map(Locale::toLanguageTag).toList(), m.defaultLocale().toLanguageTag(),
                new Rounding(m.rounding().increment(), m.rounding().modeKey(), m.rounding().charmModulus(), m.rounding().charmEnding()),
                m.returnWindowDays(), m.returnBasis(), m.status().key());
    }

    static TradeRulesResource of(TradeRules r) {
        return new TradeRulesResource(r.id(), r.market().value(), r.effectiveFrom(), r.effectiveTo(), r.taxName(),
                r.importTaxRatePct(), r.collection().key(), MoneyAmount.of(r.checkoutCeiling()), of(r.dutyDeMinimis()),
                of(r.taxDeMinimis()), MoneyAmount.of(r.flatDutyPerCategory()),
                r.prohibitedCategories().stream().sorted().toList(), r.source(), r.asOf(), r.confidence(), r.notes());
    }

    private static @Nullable ThresholdResource of(@Nullable Threshold t) {
        return t == null ? null : new ThresholdResource(MoneyAmount.of(t.amount()), t.basis().key());
    }
}
