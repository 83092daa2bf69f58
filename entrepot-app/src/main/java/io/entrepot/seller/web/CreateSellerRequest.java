package io.entrepot.seller.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/ops/sellers}. */
record CreateSellerRequest(
        @NotBlank @Size(max = 200) String legalName,
        @Size(max = 120) @Nullable String displayName,
        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in capitals, e.g. CN") String country,
        @Pattern(regexp = "pending_review|active", message = "must be pending_review or active") @Nullable String status,
        @Size(min = 1, max = 100) @Nullable String registrationNumber,
        @Size(min = 1, max = 100) @Nullable String originZone,
        @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") @Nullable String payoutCurrency,
        @Size(max = 50) @Nullable List<@Valid WarehouseRequest> warehouses) {
}
