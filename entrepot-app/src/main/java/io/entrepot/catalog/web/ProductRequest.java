package io.entrepot.catalog.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/seller/products} and {@code PUT /api/v1/seller/products/{id}}. */
record ProductRequest(
        @NotBlank @Pattern(regexp = "[a-z0-9-]{1,60}", message = "must be a category slug such as lighting") String category,
        @Nullable @Size(min = 1, max = 100) String brandName,
        @Nullable @Size(max = 50) Map<@Size(max = 60) String, @Size(max = 200) String> attributes,
        @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a locale such as en or zh-CN") String fallbackLocale,
        @Nullable Boolean allowFallback,
        @NotEmpty @Size(max = 20) List<@Valid ContentRequest> contents,
        @NotEmpty @Size(max = 200) List<@Valid SkuRequest> skus) {

    record ContentRequest(
            @NotBlank @Pattern(regexp = "[a-z]{2,3}(-[A-Za-z0-9]{2,8})*", message = "must be a locale such as en or zh-CN") String locale,
            @NotBlank @Size(max = 200) String title,
            @Nullable @Size(max = 5000) String description) {
    }

    record SkuRequest(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._-]{1,64}", message = "must be 1 to 64 letters, digits, dots, dashes or underscores") String code,
            @NotNull @Valid PriceRequest basePrice,
            @Min(1) @Max(100_000) int weightGrams,
            @Min(1) @Max(3000) int lengthMm,
            @Min(1) @Max(3000) int widthMm,
            @Min(1) @Max(3000) int heightMm,
            @Nullable @Size(max = 20) Map<@Size(max = 60) String, @Size(max = 200) String> attributes,
            @Nullable @Size(max = 50) List<@Valid StockRequest> stock) {
    }

    record PriceRequest(
            @NotNull @jakarta.validation.constraints.DecimalMin(value = "0", message = "must not be negative") BigDecimal amount,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String currency) {
    }

    record StockRequest(@NotNull UUID warehouseId, @Min(0) @Max(10_000_000) int available) {
    }
}
