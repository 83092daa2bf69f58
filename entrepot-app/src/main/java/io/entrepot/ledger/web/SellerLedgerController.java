package io.entrepot.ledger.web;

import io.entrepot.ledger.Ledger;
import io.entrepot.shared.ActorContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: money")
class SellerLedgerController {

    private final Ledger ledger;

    SellerLedgerController(Ledger ledger) {
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/seller/balances")
    @Operation(summary = "What the platform owes the seller: pending (before delivery and the return window), available, reserve")
    List<Ledger.SellerBalance> balances() {
        return ledger.sellerBalances(ActorContext.currentSeller());
    }
}
