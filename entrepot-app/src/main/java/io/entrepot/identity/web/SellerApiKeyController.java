package io.entrepot.identity.web;

import io.entrepot.identity.ApiKeyScope;
import io.entrepot.identity.ApiKeySummary;
import io.entrepot.identity.Identity;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: API keys")
class SellerApiKeyController {

    private final Identity identity;

    SellerApiKeyController(Identity identity) {
        this.identity = identity;
    }

    @GetMapping("/api/v1/seller/api-keys")
    @Operation(summary = "List this seller's API keys (never their secrets)")
    List<ApiKeySummary> list() {
        return identity.apiKeysOf(ActorContext.currentSeller());
    }

    @PostMapping("/api/v1/seller/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue another API key for this seller", description = "The key is in this response only.")
    ApiKeyResponse issue(@Valid @RequestBody IssueKeyRequest request) {
        SellerId seller = ActorContext.currentSeller();
        return ApiKeyResponse.of(identity.issueApiKey(new ApiKeyScope.Seller(seller), request.label()), seller.value(), null);
    }

    @DeleteMapping("/api/v1/seller/api-keys/{keyId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke one of this seller's API keys")
    void revoke(@PathVariable UUID keyId) {
        identity.revokeApiKey(keyId);
    }
}
