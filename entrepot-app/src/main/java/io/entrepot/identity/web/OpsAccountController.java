package io.entrepot.identity.web;

import io.entrepot.identity.AccountKind;
import io.entrepot.identity.Identity;
import io.entrepot.identity.NewAccount;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: accounts")
@PreAuthorize("hasRole('OPS_ADMIN')")
class OpsAccountController {

    private final Identity identity;

    OpsAccountController(Identity identity) {
        this.identity = identity;
    }

    @PostMapping("/api/v1/ops/accounts")
    @Operation(summary = "Create a password account: operator staff (with roles), a seller's user, or a buyer",
            description = "An email address can belong to one account only: a second one answers 409.")
    ResponseEntity<Map<String, Object>> create(@Valid @RequestBody CreateAccountRequest request) {
        AccountKind kind = AccountKind.valueOf(request.kind().toUpperCase(Locale.ROOT));
        var roles = (request.roles() == null ? List.<String>of() : request.roles()).stream()
                .map(OperatorRole::fromKey).collect(Collectors.toSet());
        SellerId seller = request.sellerId() == null ? null : new SellerId(request.sellerId());
        UUID id = identity.createAccount(new NewAccount(request.email(), request.password(), request.displayName(),
                kind, seller, roles));
        return ResponseEntity.created(URI.create("/api/v1/ops/accounts/" + id))
                .body(Map.of("id", id, "email", request.email(), "kind", request.kind()));
    }
}
