package io.entrepot.identity.web;

import io.entrepot.identity.ApiKeyScope;
import io.entrepot.identity.ApiKeySummary;
import io.entrepot.identity.Identity;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: API keys")
@PreAuthorize("hasRole('OPS_ADMIN')")
class OpsApiKeyController {

    private final Identity identity;

    OpsApiKeyController(Identity identity) {
        this.identity = identity;
    }

    @PostMapping("/api/v1/ops/sellers/{sellerId}/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an API key for a seller", description = "The key is in this response only; it is stored hashed.")
    ApiKeyResponse issueSellerKey(@PathVariable UUID sellerId, @Valid @RequestBody IssueKeyRequest request) {
        var issued = identity.issueApiKey(new ApiKeyScope.Seller(new SellerId(sellerId)), request.label());
        return ApiKeyResponse.of(issued, sellerId, null);
    }

    @PostMapping("/api/v1/ops/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue an operator API key with one role")
    ApiKeyResponse issueOperatorKey(@Valid @RequestBody IssueOperatorKeyRequest request) {
        OperatorRole role = OperatorRole.fromKey(request.role());
        return ApiKeyResponse.of(identity.issueApiKey(new ApiKeyScope.Operator(role), request.label()), null, role.key());
    }

    @GetMapping("/api/v1/ops/api-keys")
    @Operation(summary = "List operator API keys (never their secrets)")
    List<ApiKeySummary> operatorKeys() {
        return identity.operatorApiKeys();
    }

    @DeleteMapping("/api/v1/ops/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an operator API key")
    void revoke(@PathVariable UUID keyId) {
        identity.revokeApiKey(keyId);
    }
}
