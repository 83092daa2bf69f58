package io.entrepot.market.web;

import io.entrepot.market.MarketCode;
import io.entrepot.market.MarketDefinition;
import io.entrepot.market.Markets;
import io.entrepot.market.PriceRounding;
import io.entrepot.market.TaxCollection;
import io.entrepot.market.Threshold;
import io.entrepot.market.TradeRules;
import io.entrepot.market.ValueBasis;
import io.entrepot.market.web.MarketResources.MarketResource;
import io.entrepot.market.web.MarketResources.TradeRulesResource;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Ids;
import io.entrepot.shared.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: markets and trade rules")
class OpsMarketController {

    private final Markets markets;

    OpsMarketController(Markets markets) {
        this.markets = markets;
    }

    @GetMapping("/api/v1/ops/markets")
    @Operation(summary = "All markets, open and paused")
    List<MarketResource> list() {
        return markets.all().stream().map(MarketResources::of).toList();
    }

    @GetMapping("/api/v1/ops/markets/{code}")
    @Operation(summary = "One market")
    MarketResource get(@PathVariable String code) {
        return MarketResources.of(markets.get(MarketCode.of(code)));
    }

    @PostMapping("/api/v1/ops/markets")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    @Operation(summary = "Open a new market", description = "Usable at once: no restart, no code. 409 if it exists.")
    ResponseEntity<MarketResource> open(@Valid @RequestBody MarketRequest request) {
        if (request.code() == null) {
            throw new IllegalArgumentException("code is required to open a market");
        }
        var market = markets.open(definition(MarketCode.of(request.code()), request));
        return ResponseEntity.created(URI.create("/api/v1/ops/markets/" + market.code())).body(MarketResources.of(market));
    }

    @PutMapping("/api/v1/ops/markets/{code}")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    @Operation(summary = "Change a market's currency display, locales, rounding or return window")
    MarketResource change(@PathVariable String code, @Valid @RequestBody MarketRequest request) {
        MarketCode market = MarketCode.of(code);
        if (request.code() != null && !request.code().equals(market.value())) {
            throw new IllegalArgumentException("the body's code " + request.code() + " differs from the path's " + market);
        }
        return MarketResources.of(markets.change(definition(market, request)));
    }

    @PostMapping("/api/v1/ops/markets/{code}/pause")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    @Operation(summary = "Pause a market: no new orders until resumed")
    MarketResource pause(@PathVariable String code) {
        return MarketResources.of(markets.pause(MarketCode.of(code)));
    }

    @PostMapping("/api/v1/ops/markets/{code}/resume")
    @PreAuthorize("hasRole('OPS_ADMIN')")
    @Operation(summary = "Resume a paused market")
    MarketResource resume(@PathVariable String code) {
        return MarketResources.of(markets.resume(MarketCode.of(code)));
    }

    @GetMapping("/api/v1/ops/markets/{code}/trade-rules")
    @Operation(summary = "The trade rules in force at an instant (default: now)")
    TradeRulesResource rulesAt(@PathVariable String code,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant at) {
        MarketCode market = MarketCode.of(code);
        var rules = at == null ? markets.rulesNow(market) : markets.rulesAt(market, at);
        return MarketResources.of(rules.orElseThrow(() -> new NotFoundException("trade rules in force for market", market)));
    }

    @GetMapping("/api/v1/ops/markets/{code}/trade-rule-versions")
    @Operation(summary = "Every trade-rule version of a market, oldest first")
    List<TradeRulesResource> versions(@PathVariable String code) {
        return markets.ruleVersions(MarketCode.of(code)).stream().map(MarketResources::of).toList();
    }

    @PostMapping("/api/v1/ops/markets/{code}/trade-rule-versions")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_COMPLIANCE')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a trade-rule version from a date",
            description = "The version in force then ends at that date. Versions never overlap (409).")
    TradeRulesResource addVersion(@PathVariable String code, @Valid @RequestBody TradeRulesRequest request) {
        MarketCode market = MarketCode.of(code);
        var version = new TradeRules(Ids.newId(), market, request.effectiveFrom(), request.effectiveTo(), request.taxName(),
                request.importTaxRatePct(), TaxCollection.fromKey(request.taxCollection()),
                request.checkoutCeiling() == null ? null : request.checkoutCeiling().toMoney(),
                threshold(request.dutyDeMinimis()), threshold(request.taxDeMinimis()),
                request.flatDutyPerCategory() == null ? null : request.flatDutyPerCategory().toMoney(),
                Set.copyOf(request.prohibitedCategories() == null ? List.of() : request.prohibitedCategories()),
                request.source(), request.asOf(), request.confidence() == null ? "" : request.confidence(),
                request.notes() == null ? "" : request.notes());
        return MarketResources.of(markets.addRuleVersion(version));
    }

    record DutyRateRequest(
            @Nullable @jakarta.validation.constraints.Pattern(regexp = "[0-9]{2}", message = "must be a two-digit HS chapter, e.g. 42") String hsChapter,
            @Nullable @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code, e.g. CN") String originCountry,
            @jakarta.validation.constraints.NotNull @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.DecimalMax("100") java.math.BigDecimal ratePct,
            @Nullable @jakarta.validation.constraints.Size(max = 500) String basisNote,
            @jakarta.validation.constraints.NotNull Instant effectiveFrom,
            @Nullable Instant effectiveTo,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 500) String source,
            @jakarta.validation.constraints.NotBlank @jakarta.validation.constraints.Size(max = 40) String asOf) {
    }

    record DutyLookup(boolean known, io.entrepot.market.@Nullable DutyRate rate) {
    }

    @GetMapping("/api/v1/ops/markets/{code}/duty-rates")
    @Operation(summary = "Every duty rate of a market")
    List<io.entrepot.market.DutyRate> dutyRates(@PathVariable String code) {
        return markets.dutyRates(MarketCode.of(code));
    }

    @GetMapping("/api/v1/ops/markets/{code}/duty-rate")
    @Operation(summary = "The duty rate for an HS chapter and origin at an instant (default now)",
            description = "known = false when no rate is on record: quotes show such duty as unknown, never as zero.")
    DutyLookup dutyRate(@PathVariable String code,
            @RequestParam @jakarta.validation.constraints.Pattern(regexp = "[0-9]{2}") String hsChapter,
            @RequestParam @jakarta.validation.constraints.Pattern(regexp = "[A-Z]{2}") String origin,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) @Nullable Instant at) {
        if (!hsChapter.matches("[0-9]{2}") || !origin.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("hsChapter is two digits and origin an ISO 3166-1 alpha-2 code");
        }
        var rate = markets.dutyRate(MarketCode.of(code), hsChapter, origin, at == null ? Instant.now() : at);
        return new DutyLookup(rate.isPresent(), rate.orElse(null));
    }

    @PostMapping("/api/v1/ops/markets/{code}/duty-rates")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_COMPLIANCE')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Record a duty rate (per HS chapter and origin, or general), with its source and dates")
    io.entrepot.market.DutyRate addDutyRate(@PathVariable String code, @Valid @RequestBody DutyRateRequest request) {
        return markets.addDutyRate(new io.entrepot.market.DutyRate(Ids.newId(), MarketCode.of(code), request.hsChapter(),
                request.originCountry(), request.ratePct(), request.basisNote() == null ? "" : request.basisNote(),
                request.effectiveFrom(), request.effectiveTo(), request.source(), request.asOf()));
    }

    private static @Nullable Threshold threshold(TradeRulesRequest.@Nullable ThresholdRequest request) {
        return request == null ? null
                : new Threshold(new MoneyAmount(request.amount(), request.currency()).toMoney(), ValueBasis.fromKey(request.basis()));
    }

    static MarketDefinition definition(MarketCode code, MarketRequest request) {
        CurrencyCode currency = CurrencyCode.of(request.currency());
        List<Locale> locales = request.locales().stream().map(Locale::forLanguageTag).toList();
        Locale defaultLocale = request.defaultLocale() == null ? locales.getFirst() : Locale.forLanguageTag(request.defaultLocale());
        var rounding = new PriceRounding(request.priceIncrement(), PriceRounding.modeOf(request.priceRounding()),
                request.charmModulus(), request.charmEnding());
        return new MarketDefinition(code, request.name(), currency,
                request.displayMinorUnits() == null ? currency.minorUnits() : request.displayMinorUnits(), locales,
                defaultLocale, rounding, request.returnWindowDays(), request.returnBasis());
    }
}
