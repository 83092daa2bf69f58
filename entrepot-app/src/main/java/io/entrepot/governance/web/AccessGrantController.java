package io.entrepot.governance.web;

import io.entrepot.governance.AccessGrants;
import io.entrepot.governance.AccessPurpose;
import io.entrepot.governance.AccessScope;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: access grants (purpose-bound, four eyes, time-boxed)")
@PreAuthorize("hasRole('STAFF')")
class AccessGrantController {

    private final AccessGrants grants;

    AccessGrantController(AccessGrants grants) {
        this.grants = grants;
    }

    record GrantRequest(@NotNull UUID sellerId,
            @NotEmpty @Size(max = 5) List<@Pattern(regexp = "orders|catalog|shipments|ledger|reviews",
                    message = "must be one of orders, catalog, shipments, ledger, reviews") String> scopes,
            @NotBlank @Pattern(regexp = "dispute|fraud_investigation|legal_request|seller_support|disruption_remediation",
                    message = "must be one of dispute, fraud_investigation, legal_request, seller_support, disruption_remediation") String purpose,
            @NotBlank @Size(max = 200) String reference, @Min(1) @Max(72) int hours, @Nullable Boolean breakGlass) {
    }

    record ReasonRequest(@NotBlank @Size(max = 1000) String reason) {
    }

    @PostMapping("/api/v1/ops/access-grants")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Ask for access to one seller's data for yourself: scopes, purpose, reference and hours (≤ 72); pending until a "
            + "second operator with the compliance role approves. breakGlass: open at once for ≤ 4 hours, reviewed afterwards")
    AccessGrants.Grant request(@Valid @RequestBody GrantRequest request) {
        return grants.request(new AccessGrants.NewGrant(new SellerId(request.sellerId()),
                request.scopes().stream().map(AccessScope::fromKey).collect(Collectors.toSet()), AccessPurpose.fromKey(request.purpose()),
                request.reference(), request.hours(), Boolean.TRUE.equals(request.breakGlass())));
    }

    @GetMapping("/api/v1/ops/access-grants")
    @Operation(summary = "Grants you may see, newest first: your own; compliance and auditors see all")
    List<AccessGrants.Grant> list(@RequestParam(required = false) @Nullable UUID sellerId, @RequestParam(required = false) @Nullable String status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
        AccessGrants.Status wanted = null;
        if (status != null) {
            try {
                wanted = AccessGrants.Status.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("status is pending, active, expired or revoked, not '" + status + "'");
            }
        }
        return grants.list(sellerId == null ? null : new SellerId(sellerId), wanted, limit);
    }

    @GetMapping("/api/v1/ops/access-grants/{id}")
    @Operation(summary = "One grant")
    AccessGrants.Grant get(@PathVariable UUID id) {
        return grants.grant(id);
    }

    @PostMapping("/api/v1/ops/access-grants/{id}/approval")
    @PreAuthorize("hasRole('OPS_COMPLIANCE')")
    @Operation(summary = "Compliance approves someone else's pending request; it runs for its hours from now")
    AccessGrants.Grant approve(@PathVariable UUID id) {
        return grants.approve(id);
    }

    @PostMapping("/api/v1/ops/access-grants/{id}/revocation")
    @Operation(summary = "End a grant (or withdraw a request) at once: its holder or compliance")
    AccessGrants.Grant revoke(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return grants.revoke(id, request.reason());
    }

    @PostMapping("/api/v1/ops/access-grants/{id}/review")
    @PreAuthorize("hasRole('OPS_COMPLIANCE')")
    @Operation(summary = "Compliance reviews a break-glass grant after the fact")
    AccessGrants.Grant review(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return grants.review(id, request.reason());
    }
}
