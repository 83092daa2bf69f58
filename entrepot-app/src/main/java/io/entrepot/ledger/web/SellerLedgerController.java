package io.entrepot.ledger.web;

import io.entrepot.ledger.Ledger;
import io.entrepot.ledger.Payouts;
import io.entrepot.ledger.Statements;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Months;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: money")
class SellerLedgerController {

    private final Ledger ledger;
    private final Statements statements;
    private final Payouts payouts;

    SellerLedgerController(Ledger ledger, Statements statements, Payouts payouts) {
        this.ledger = ledger;
        this.statements = statements;
        this.payouts = payouts;
    }

    @GetMapping("/api/v1/seller/balances")
    @Operation(summary = "What the platform owes the seller: pending (before delivery and the return window), available, reserve")
    List<Ledger.SellerBalance> balances() {
        return ledger.sellerBalances(ActorContext.currentSeller());
    }

    @GetMapping("/api/v1/seller/statements/{month:[0-9]{4}-[0-9]{2}}")
    @Operation(summary = "The monthly statement (month as 2026-11) in one currency: opening, every movement, closing")
    Statements.Statement statement(@PathVariable String month, @RequestParam String currency) {
        return statements.of(ActorContext.currentSeller(), Months.parse(month), CurrencyCode.of(currency));
    }

    @GetMapping(value = "/api/v1/seller/statements/{month:[0-9]{4}-[0-9]{2}}.csv", produces = "text/csv")
    @Operation(summary = "The monthly statement as CSV")
    ResponseEntity<String> statementCsv(@PathVariable String month, @RequestParam String currency) {
        var statement = statements.of(ActorContext.currentSeller(), Months.parse(month), CurrencyCode.of(currency));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=statement-" + month + "-" + currency + ".csv")
                .body(statements.csv(statement));
    }

    @GetMapping("/api/v1/seller/payouts")
    @Operation(summary = "The seller's payouts, newest first")
    List<Payouts.Payout> payouts() {
        return payouts.payouts(ActorContext.currentSeller());
    }

}
