package io.entrepot.seller.web;

import io.entrepot.seller.NewSeller;
import io.entrepot.seller.Restriction;
import io.entrepot.seller.SellerEvent;
import io.entrepot.seller.SellerStatus;
import io.entrepot.seller.Sellers;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: sellers")
class OpsSellerController {

    private final Sellers sellers;

    OpsSellerController(Sellers sellers) {
        this.sellers = sellers;
    }

    record Reason(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/v1/ops/sellers")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    @Operation(summary = "Register a seller", description = "Returns the new seller with its id; status defaults to pending_review.")
    ResponseEntity<SellerResource> create(@Valid @RequestBody CreateSellerRequest request) {
        String display = request.displayName() == null || request.displayName().isBlank() ? request.legalName() : request.displayName();
        SellerStatus status = request.status() == null ? SellerStatus.PENDING_REVIEW : SellerStatus.fromKey(request.status());
        var seller = new NewSeller(request.legalName(), display, request.country(), request.registrationNumber(),
                request.originZone(), request.payoutCurrency() == null ? null : CurrencyCode.of(request.payoutCurrency()),
                request.warehouses() == null ? List.of() : request.warehouses().stream().map(WarehouseRequest::toNew).toList());
        SellerId id = sellers.register(seller, status);
        return ResponseEntity.created(URI.create("/api/v1/ops/sellers/" + id)).body(resource(id));
    }

    @GetMapping("/api/v1/ops/sellers/{sellerId}")
    @Operation(summary = "Read a seller's profile")
    SellerResource get(@PathVariable UUID sellerId) {
        return resource(new SellerId(sellerId));
    }

    @PostMapping("/api/v1/ops/sellers/{sellerId}/approve")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    @Operation(summary = "Approve a seller pending review")
    SellerResource approve(@PathVariable UUID sellerId, @Valid @RequestBody Reason reason) {
        sellers.approve(new SellerId(sellerId), reason.reason());
        return resource(new SellerId(sellerId));
    }

    @PostMapping("/api/v1/ops/sellers/{sellerId}/suspend")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    @Operation(summary = "Suspend a seller")
    SellerResource suspend(@PathVariable UUID sellerId, @Valid @RequestBody Reason reason) {
        sellers.suspend(new SellerId(sellerId), reason.reason());
        return resource(new SellerId(sellerId));
    }

    @PostMapping("/api/v1/ops/sellers/{sellerId}/reinstate")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    @Operation(summary = "Reinstate a suspended seller")
    SellerResource reinstate(@PathVariable UUID sellerId, @Valid @RequestBody Reason reason) {
        sellers.reinstate(new SellerId(sellerId), reason.reason());
        return resource(new SellerId(sellerId));
    }

    @PutMapping("/api/v1/ops/sellers/{sellerId}/restrictions/{restriction}")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    @Operation(summary = "Impose a restriction (cannot_publish, cannot_join_campaigns, cannot_receive_payouts)")
    SellerResource restrict(@PathVariable UUID sellerId, @PathVariable String restriction, @Valid @RequestBody Reason reason) {
        sellers.restrict(new SellerId(sellerId), Restriction.fromKey(restriction), reason.reason());
        return resource(new SellerId(sellerId));
    }

    @DeleteMapping("/api/v1/ops/sellers/{sellerId}/restrictions/{restriction}")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    @Operation(summary = "Lift a restriction", description = "The reason is required, as a JSON body.")
    SellerResource lift(@PathVariable UUID sellerId, @PathVariable String restriction, @Valid @RequestBody Reason reason) {
        sellers.lift(new SellerId(sellerId), Restriction.fromKey(restriction), reason.reason());
        return resource(new SellerId(sellerId));
    }

    @GetMapping("/api/v1/ops/sellers/{sellerId}/history")
    @Operation(summary = "Every change to the seller's status and restrictions, with reason, actor and time")
    List<SellerEvent> history(@PathVariable UUID sellerId) {
        return sellers.history(new SellerId(sellerId));
    }

    private SellerResource resource(SellerId id) {
        return SellerResource.of(sellers.get(id), sellers.warehouses(id));
    }
}
