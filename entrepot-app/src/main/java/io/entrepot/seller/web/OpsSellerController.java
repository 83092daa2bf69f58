package io.entrepot.seller.web;

import io.entrepot.seller.NewSeller;
import io.entrepot.seller.SellerStatus;
import io.entrepot.seller.Sellers;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: sellers")
class OpsSellerController {

    private final Sellers sellers;

    OpsSellerController(Sellers sellers) {
        this.sellers = sellers;
    }

    @PostMapping("/api/v1/ops/sellers")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    @Operation(summary = "Register a seller", description = "Returns the new seller with its id; status defaults to pending_review.")
    ResponseEntity<SellerResource> create(@Valid @RequestBody CreateSellerRequest request) {
        String display = request.displayName() == null || request.displayName().isBlank() ? request.legalName() : request.displayName();
        SellerStatus status = request.status() == null ? SellerStatus.PENDING_REVIEW : SellerStatus.fromKey(request.status());
        SellerId id = sellers.register(new NewSeller(request.legalName(), display, request.country()), status);
        return ResponseEntity.created(URI.create("/api/v1/ops/sellers/" + id)).body(SellerResource.of(sellers.get(id)));
    }

    @GetMapping("/api/v1/ops/sellers/{sellerId}")
    @Operation(summary = "Read a seller's profile")
    SellerResource get(@PathVariable UUID sellerId) {
        return SellerResource.of(sellers.get(new SellerId(sellerId)));
    }
}
