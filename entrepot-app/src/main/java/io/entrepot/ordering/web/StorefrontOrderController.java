package io.entrepot.ordering.web;

import io.entrepot.market.MarketCode;
import io.entrepot.ordering.Checkout;
import io.entrepot.ordering.Quote;
import io.entrepot.ordering.internal.IdempotencyKeys;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.IdempotencyKeyHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Storefront: checkout")
class StorefrontOrderController {

    private final Checkout checkout;

    StorefrontOrderController(Checkout checkout) {
        this.checkout = checkout;
    }

    record LineRequest(@NotNull UUID offerId, @Nullable UUID skuId, @Min(1) @Max(100) int quantity) {
    }

    record AddressRequest(@NotBlank @Size(max = 200) String name, @NotBlank @Size(max = 200) String line1, @Size(max = 200) @Nullable String line2,
            @NotBlank @Size(max = 100) String city, @Size(max = 20) @Nullable String postalCode,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country) {
    }

    record QuoteRequest(@NotEmpty @Size(max = 50) List<@Valid @NotNull LineRequest> lines, @NotNull @Valid AddressRequest address) {
    }

    record OrderRequest(@NotNull UUID quoteId, @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 64) String paymentToken) {
    }

    // The answer is the quote's JSON as stored with it (written once); its schema is the Quote record's.
    @PostMapping("/api/v1/storefront/{market}/quotes")
    @Operation(summary = "Landed-cost quote of a cart: items, shipping per seller, duty and import tax by the market's rules; valid 15 minutes")
    @ApiResponse(responseCode = "201", description = "the quote", content = @Content(mediaType = "application/json", schema = @Schema(implementation = Quote.class)))
    ResponseEntity<String> quote(@PathVariable String market, @Valid @RequestBody QuoteRequest request) {
        var a = request.address();
        return ResponseEntity.status(HttpStatus.CREATED).contentType(MediaType.APPLICATION_JSON).body(checkout.quoteJson(MarketCode.of(market),
                request.lines().stream().map(l -> new Checkout.CartLine(l.offerId(), l.skuId(), l.quantity())).toList(),
                new Quote.Address(a.name().strip(), a.line1().strip(), a.line2(), a.city().strip(), a.postalCode(), a.country())));
    }

    @GetMapping("/api/v1/storefront/quotes/{id}")
    @Operation(summary = "A quote by id")
    Quote quote(@PathVariable UUID id) {
        return checkout.quote(id); // read back from the database's JSON (keys in its order), written again in the record's order
    }

    @PostMapping(value = "/api/v1/storefront/{market}/orders")
    @Operation(summary = "Place an order from a quote (Idempotency-Key required): guest (email) or signed-in buyer; 402 when the payment is declined")
    ResponseEntity<String> place(@PathVariable String market, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody OrderRequest request, jakarta.servlet.http.HttpServletRequest http) {
        String idempotencyKey = IdempotencyKeyHeader.require(key, "placing an order");
        MarketCode code = MarketCode.of(market);
        UUID buyer = ActorContext.current() instanceof Actor.Buyer b ? b.userId() : null;
        var placement = checkout.place(code, idempotencyKey, IdempotencyKeys.hash(code.value(), request.quoteId().toString(), request.email(),
                request.paymentToken(), String.valueOf(buyer)), new Checkout.PlaceOrder(request.quoteId(), request.email().strip(),
                request.paymentToken(), buyer, http.getRemoteAddr()));
        return ResponseEntity.status(placement.status())
                .contentType(placement.status() < 300 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON)
                .body(placement.body());
    }
}
