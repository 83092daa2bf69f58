package io.entrepot.market.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/ops/markets/{code}/trade-rule-versions}. */
record TradeRulesRequest(
        @NotNull Instant effectiveFrom,
        @Nullable Instant effectiveTo,
        @NotBlank @Size(max = 100) String taxName,
        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal importTaxRatePct,
        @NotBlank @Pattern(regexp = "platform_at_checkout|border|courier", message = "must be platform_at_checkout, border or courier") String taxCollection,
        @Nullable @Valid MoneyAmount checkoutCeiling,
        @Nullable @Valid ThresholdRequest dutyDeMinimis,
        @Nullable @Valid ThresholdRequest taxDeMinimis,
        @Nullable @Valid MoneyAmount flatDutyPerCategory,
        @Nullable @Size(max = 100) List<@Pattern(regexp = "[a-z0-9-]{1,60}", message = "must be a category slug such as e-cigarettes") String> prohibitedCategories,
        @NotBlank @Size(max = 500) String source,
        @NotBlank @Size(max = 40) String asOf,
        @Nullable @Size(max = 100) String confidence,
        @Nullable @Size(max = 2000) String notes) {

    /** A de minimis in a request. */
    record ThresholdRequest(@NotNull BigDecimal amount,
            @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @NotBlank @Pattern(regexp = "fob|cif|customs_value|goods_and_freight|per_item|per_consignment",
                    message = "must be fob, cif, customs_value, goods_and_freight, per_item or per_consignment") String basis) {
    }
}
