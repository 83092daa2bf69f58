package io.entrepot.identity.web;

import io.entrepot.identity.Identity;
import io.entrepot.identity.internal.FailureRateLimiter;
import io.entrepot.shared.Problems;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import io.entrepot.seller.NewSeller;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Storefront: seller sign-up")
class SellerApplicationController {

    private final Identity identity;
    private final FailureRateLimiter limiter;

    SellerApplicationController(Identity identity, @Qualifier("sellerApplicationLimiter") FailureRateLimiter limiter) {
        this.identity = identity;
        this.limiter = limiter;
    }

    record Application(@NotBlank @Size(max = 200) String legalName,
            @NotBlank @Size(max = 120) String displayName,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code in capitals, e.g. CN") String country,
            @NotBlank @Size(max = 100) String registrationNumber,
            @Size(min = 1, max = 100) @Nullable String originZone,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as CNY") String payoutCurrency,
            @NotBlank @Email @Size(max = 254) String email,
            @NotBlank @Size(min = 8, max = 128) String password,
            @NotBlank @Size(max = 120) String contactName) {
    }

    @PostMapping("/api/v1/storefront/seller-applications")
    @Operation(summary = "Apply to sell: the seller starts pending review; the applicant can sign in to the portal")
    ResponseEntity<Object> apply(@Valid @RequestBody Application application, HttpServletRequest request) {
        var wait = limiter.retryAfter(request.getRemoteAddr());
        if (wait.isPresent()) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(FailureRateLimiter.seconds(wait.get())))
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.of(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "too many seller applications from this client; retry later"));
        }
        limiter.record(request.getRemoteAddr());
        var seller = new NewSeller(application.legalName(), application.displayName(), application.country(),
                application.registrationNumber(), application.originZone(), CurrencyCode.of(application.payoutCurrency()), List.of());
        SellerId id = ActorContext.callAs(Actor.system("seller-sign-up"),
                () -> identity.applyAsSeller(seller, application.email(), application.password(), application.contactName()));
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("sellerId", id.value(), "status", "pending_review"));
    }
}
