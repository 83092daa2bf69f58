package io.entrepot.market.web;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/ops/markets} and {@code PUT /api/v1/ops/markets/{code}}. */
record MarketRequest(
        @Nullable @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in capitals, e.g. NZ") String code,
        @NotBlank @Size(max = 100) String name,
        @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as NZD") String currency,
        @Nullable @Min(0) @Max(4) Integer displayMinorUnits,
        @NotEmpty @Size(max = 10) List<@Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a BCP 47 language tag such as en-NZ") String> locales,
        @Nullable String defaultLocale,
        @NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal priceIncrement,
        @NotBlank @Pattern(regexp = "half_up|up|down", message = "must be half_up, up or down") String priceRounding,
        @Nullable @DecimalMin(value = "0", inclusive = false) BigDecimal charmModulus,
        @Nullable @DecimalMin("0") BigDecimal charmEnding,
        @Min(0) @Max(365) int returnWindowDays,
        @Nullable @Size(max = 300) String returnBasis) {
}
