package io.entrepot.ledger.web;

import io.entrepot.ledger.Ledger;
import io.entrepot.ledger.Payouts;
import io.entrepot.ledger.Statements;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Months;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The seller portal's money page: balances, payouts and the monthly statement per currency (page and CSV). */
@Controller
class SellerMoneyPage {

    private final Ledger ledger;
    private final Statements statements;
    private final Payouts payouts;
    private final Clock clock;

    SellerMoneyPage(Ledger ledger, Statements statements, Payouts payouts, Clock clock) {
        this.ledger = ledger;
        this.statements = statements;
        this.payouts = payouts;
        this.clock = clock;
    }

    @GetMapping("/seller/money")
    String money(@RequestParam(required = false) @Nullable String month, @RequestParam(required = false) @Nullable String currency, Model model) {
        var seller = ActorContext.currentSeller();
        List<Ledger.SellerBalance> balances = ledger.sellerBalances(seller);
        YearMonth shown = month == null ? YearMonth.now(clock.withZone(ZoneOffset.UTC)) : Months.parse(month);
        String code = currency != null ? currency : balances.stream().map(Ledger.SellerBalance::currency).findFirst().orElse("USD");
        model.addAttribute("balances", balances);
        model.addAttribute("payouts", payouts.payouts(seller));
        model.addAttribute("statement", statements.of(seller, shown, CurrencyCode.of(code)));
        model.addAttribute("currencies", balances.stream().map(Ledger.SellerBalance::currency).distinct().toList());
        return "ledger/money";
    }

    @GetMapping("/seller/statements/{month:[0-9]{4}-[0-9]{2}}.csv")
    ResponseEntity<String> csv(@PathVariable String month, @RequestParam String currency) {
        var statement = statements.of(ActorContext.currentSeller(), Months.parse(month), CurrencyCode.of(currency));
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv;charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=statement-" + month + "-" + currency + ".csv").body(statements.csv(statement));
    }
}
