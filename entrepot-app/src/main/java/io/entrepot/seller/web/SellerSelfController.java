package io.entrepot.seller.web;

import io.entrepot.seller.Sellers;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
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
        SellerId seller = ActorContext.currentSeller();
        return SellerResource.of(sellers.get(seller), sellers.warehouses(seller));
    }

    @PostMapping("/api/v1/seller/warehouses")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a warehouse (origin or overseas)")
    SellerResource.WarehouseResource addWarehouse(@Valid @RequestBody WarehouseRequest request) {
        return SellerResource.WarehouseResource.of(sellers.addWarehouse(ActorContext.currentSeller(), request.toNew()));
    }
}
