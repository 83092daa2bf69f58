package io.entrepot.identity.web;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Body of {@code POST /api/v1/ops/accounts}. */
record CreateAccountRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 8, max = 128) String password,
        @NotBlank @Size(max = 120) String displayName,
        @NotBlank @Pattern(regexp = "operator|seller|buyer", message = "must be operator, seller or buyer") String kind,
        @Nullable List<@Pattern(regexp = "admin|trust_safety|finance|logistics|support|compliance|auditor|first_party_retail",
                message = "must be one of admin, trust_safety, finance, logistics, support, compliance, auditor, first_party_retail") String> roles,
        @Nullable UUID sellerId) {
}
