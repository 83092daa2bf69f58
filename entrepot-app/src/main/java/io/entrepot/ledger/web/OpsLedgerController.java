package io.entrepot.ledger.web;

import io.entrepot.ledger.Fees;
import io.entrepot.ledger.Payouts;
import io.entrepot.ledger.Statements;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.IdempotencyKeyHeader;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.Months;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: fees, payouts, statements")
@PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_FINANCE')")
class OpsLedgerController {

    private final Fees fees;
    private final Payouts payouts;
    private final Statements statements;

    OpsLedgerController(Fees fees, Payouts payouts, Statements statements) {
        this.fees = fees;
        this.payouts = payouts;
        this.statements = statements;
    }

    record PayoutRequest(@NotNull UUID sellerId, @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {
    }

    record ReserveRequest(@NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal pct,
            @NotBlank @Size(max = 500) String reason) {
    }

    record FeeRuleRequest(@NotBlank @Pattern(regexp = "commission|payment") String feeType,
            @Nullable @Pattern(regexp = "[A-Z]{2}", message = "must be a market code") String market,
            @Nullable @Pattern(regexp = "[a-z0-9-]{1,60}", message = "must be a category slug") String category,
            @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal pct,
            @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 3) BigDecimal fixed,
            @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 3) BigDecimal minimum,
            @Nullable @DecimalMin("0") @Digits(integer = 12, fraction = 3) BigDecimal maximum,
            @Nullable @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency,
            @NotBlank @Size(max = 200) String label, @NotNull Instant effectiveFrom, @Nullable Instant effectiveTo) {
    }

    record PromotionRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Pattern(regexp = "seller_first_days|market_first_days") String cohort,
            @Min(1) @Max(3650) int days, @NotNull @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 4) BigDecimal pct,
            @Nullable @Pattern(regexp = "[A-Z]{2}", message = "must be a market code") String market, @NotNull Instant activeFrom,
            @Nullable Instant activeTo) {
    }

    @PostMapping("/api/v1/ops/payouts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Pay out a seller's available balance in one currency now, less its reserve (Idempotency-Key required)")
    Payouts.Payout payOut(@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key, @Valid @RequestBody PayoutRequest request) {
        return payouts.payOut(new SellerId(request.sellerId()), CurrencyCode.of(request.currency()),
                "manual:" + IdempotencyKeyHeader.require(key, "a payout"));
    }

    @PostMapping("/api/v1/ops/payout-batches")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Run a payout batch now (it also runs on its schedule)")
    Payouts.Batch batch() {
        return payouts.runBatch();
    }

    @GetMapping("/api/v1/ops/payouts")
    @Operation(summary = "Payouts, newest first, optionally of one seller")
    List<Payouts.Payout> list(@RequestParam(required = false) @Nullable UUID sellerId) {
        return payouts.payouts(sellerId == null ? null : new SellerId(sellerId));
    }

    @PutMapping("/api/v1/ops/sellers/{id}/reserve")
    @Operation(summary = "Hold back a percentage of a seller's payouts (the reserve hook of risk control)")
    Map<String, Object> reserve(@PathVariable UUID id, @Valid @RequestBody ReserveRequest request) {
        payouts.setReserve(new SellerId(id), request.pct(), request.reason());
        return Map.of("sellerId", id, "pct", request.pct(), "reason", request.reason());
    }

    @GetMapping("/api/v1/ops/sellers/{id}/statements/{month}")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "A seller's monthly statement in one currency: only under a live access grant of scope ledger on that seller "
            + "(403 without), and written into the seller's access log")
    Statements.Statement statement(@PathVariable UUID id, @PathVariable String month, @RequestParam String currency) {
        YearMonth parsed = Months.parse(month);
        CurrencyCode code = CurrencyCode.of(currency);
        return statements.ofUnderGrant(new SellerId(id), parsed, code);
    }

    @GetMapping("/api/v1/ops/fees/rules")
    @Operation(summary = "Fee schedules (commission and payment)")
    Map<String, List<Fees.FeeRule>> rules() {
        return Map.of("commission", fees.rules("commission"), "payment", fees.rules("payment"));
    }

    @PostMapping("/api/v1/ops/fees/rules")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a fee schedule line: percent + fixed, minimum, maximum, by market and category")
    Fees.FeeRule addRule(@Valid @RequestBody FeeRuleRequest r) {
        CurrencyCode currency = r.currency() == null ? null : CurrencyCode.of(r.currency());
        if (currency == null && (r.fixed() != null || r.minimum() != null || r.maximum() != null)) {
            throw new IllegalArgumentException("a fixed part, minimum or maximum needs a currency");
        }
        return fees.addRule(new Fees.FeeRule(Ids.newId(), r.feeType(), r.market(), r.category(), r.pct(), minor(r.fixed(), currency, 0L),
                minor(r.minimum(), currency, null), minor(r.maximum(), currency, null), r.currency(), r.label().strip(), r.effectiveFrom(),
                r.effectiveTo()));
    }

    @GetMapping("/api/v1/ops/fees/promotions")
    @Operation(summary = "Commission promotions")
    List<Fees.Promotion> promotions() {
        return fees.promotions();
    }

    @PostMapping("/api/v1/ops/fees/promotions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add a promotion: a commission percentage for a seller's or a new market's first days")
    Fees.Promotion addPromotion(@Valid @RequestBody PromotionRequest p) {
        if (p.activeTo() != null && !p.activeTo().isAfter(p.activeFrom())) {
            throw new IllegalArgumentException("activeTo must be after activeFrom");
        }
        return fees.addPromotion(new Fees.Promotion(Ids.newId(), p.name().strip(), p.cohort(), p.days(), p.pct(), p.market(), p.activeFrom(),
                p.activeTo()));
    }

    private static @Nullable Long minor(@Nullable BigDecimal amount, @Nullable CurrencyCode currency, @Nullable Long absent) {
        return amount == null || currency == null ? absent : Money.of(amount, currency).minor();
    }
}
