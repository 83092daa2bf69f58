package io.entrepot.market.web;

import io.entrepot.market.ExchangeRate;
import io.entrepot.market.ExchangeRates;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Prices;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: exchange rates")
class OpsFxController {

    private final ExchangeRates rates;
    private final Prices prices;

    OpsFxController(ExchangeRates rates, Prices prices) {
        this.rates = rates;
        this.prices = prices;
    }

    record RateResource(String from, String to, BigDecimal rate, Instant asOf, String source) {
        static RateResource of(ExchangeRate rate) {
            return new RateResource(rate.from().code(), rate.to().code(), rate.rate(), rate.asOf(), rate.source());
        }
    }

    record OverrideRequest(@NotNull @DecimalMin(value = "0", inclusive = false) BigDecimal rate,
            @NotBlank @Size(max = 500) String reason) {
    }

    record PriceResource(MoneyAmount price, MoneyAmount base, RateResource rate, BigDecimal markupPct, BigDecimal exact,
            String rounding) {
    }

    @PostMapping(value = "/api/v1/ops/fx/ecb", consumes = {"text/csv", "application/xml", "text/xml", "text/plain"})
    @PreAuthorize("hasAnyRole('OPS_FINANCE', 'OPS_ADMIN')")
    @Operation(summary = "Import ECB euro reference rates (eurofxref CSV or XML, daily or historical)")
    ExchangeRates.ImportResult importEcb(@RequestBody byte[] file) {
        return rates.importEcb(file);
    }

    @GetMapping("/api/v1/ops/fx/rates/{from}/{to}")
    @Operation(summary = "The rate pricing would use now (409 when it is older than the allowed age)")
    RateResource current(@PathVariable String from, @PathVariable String to) {
        return RateResource.of(rates.current(CurrencyCode.of(from), CurrencyCode.of(to)));
    }

    @PutMapping("/api/v1/ops/fx/overrides/{from}/{to}")
    @PreAuthorize("hasRole('OPS_FINANCE')")
    @Operation(summary = "Set finance's rate for a pair; it wins over reference rates until cleared")
    RateResource override(@PathVariable String from, @PathVariable String to, @Valid @RequestBody OverrideRequest request) {
        return RateResource.of(rates.override(CurrencyCode.of(from), CurrencyCode.of(to), request.rate(), request.reason()));
    }

    @DeleteMapping("/api/v1/ops/fx/overrides/{from}/{to}")
    @PreAuthorize("hasRole('OPS_FINANCE')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Clear finance's override of a pair")
    void clear(@PathVariable String from, @PathVariable String to) {
        rates.clearOverride(CurrencyCode.of(from), CurrencyCode.of(to));
    }

    @GetMapping("/api/v1/ops/fx/price")
    @Operation(summary = "Derive a market price from a base price: base × rate × (1 + markup) → the market's rounding")
    PriceResource price(@RequestParam BigDecimal amount, @RequestParam String currency, @RequestParam String market,
            @RequestParam(defaultValue = "0") BigDecimal markupPct) {
        var derived = prices.derive(Money.of(amount, CurrencyCode.of(currency)), MarketCode.of(market), markupPct);
        return new PriceResource(MoneyAmount.of(derived.price()), MoneyAmount.of(derived.base()), RateResource.of(derived.rate()),
                derived.markupPct(), derived.exact(), derived.rounding().toString());
    }
}
