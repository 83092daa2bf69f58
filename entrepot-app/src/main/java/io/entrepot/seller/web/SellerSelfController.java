package io.entrepot.seller.web;

import io.entrepot.seller.Sellers;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: profile")
class SellerSelfController {

    private final Sellers sellers;

    SellerSelfController(Sellers sellers) {
        this.sellers = sellers;
    }

    @GetMapping("/api/v1/seller/profile")
    @Operation(summary = "The calling seller's own profile, restrictions and warehouses")
    SellerResource profile() {
        SellerId seller = currentSeller();
        return SellerResource.of(sellers.get(seller), sellers.warehouses(seller));
    }

    @PostMapping("/api/v1/seller/warehouses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a warehouse (origin or overseas)")
    SellerResource.WarehouseResource addWarehouse(@Valid @RequestBody WarehouseRequest request) {
        return SellerResource.WarehouseResource.of(sellers.addWarehouse(currentSeller(), request.toNew()));
    }

    static SellerId currentSeller() {
        if (ActorContext.current() instanceof Actor.Seller seller) {
            return seller.sellerId();
        }
        throw new AccessDeniedException("not a seller");
    }
}
