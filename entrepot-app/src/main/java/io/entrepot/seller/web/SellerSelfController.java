package io.entrepot.seller.web;

import io.entrepot.seller.Sellers;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: profile")
class SellerSelfController {

    private final Sellers sellers;

    SellerSelfController(Sellers sellers) {
        this.sellers = sellers;
    }

    @GetMapping("/api/v1/seller/profile")
    @Operation(summary = "The calling seller's own profile")
    SellerResource profile() {
        if (ActorContext.current() instanceof Actor.Seller seller) {
            return SellerResource.of(sellers.get(seller.sellerId()));
        }
        throw new AccessDeniedException("not a seller");
    }
}
