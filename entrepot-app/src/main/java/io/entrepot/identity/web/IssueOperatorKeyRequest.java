package io.entrepot.identity.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of a request for a new operator key with one role. */
record IssueOperatorKeyRequest(
        @NotBlank @Pattern(regexp = "admin|trust_safety|finance|logistics|support|compliance|auditor|first_party_retail",
                message = "must be one of admin, trust_safety, finance, logistics, support, compliance, auditor, first_party_retail") String role,
        @NotBlank @Size(max = 100) String label) {
}
