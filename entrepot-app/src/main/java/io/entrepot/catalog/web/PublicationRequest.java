package io.entrepot.catalog.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/seller/products/{id}/publications}. */
record PublicationRequest(
        @NotEmpty @Size(max = 100) List<@Pattern(regexp = "[A-Z]{2}", message = "must be a market code such as PH") String> markets,
        @Nullable @DecimalMin(value = "-99.999") @DecimalMax("1000") BigDecimal markupPct,
        @Nullable Map<String, Map<String, BigDecimal>> prices) {
}
