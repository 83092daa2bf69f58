package io.entrepot.reviews.web;

import io.entrepot.market.MarketCode;
import io.entrepot.reviews.NewReview;
import io.entrepot.reviews.ProductReviews;
import io.entrepot.reviews.Reviews;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Storefront: reviews")
class StorefrontReviewController {

    private final Reviews reviews;

    StorefrontReviewController(Reviews reviews) {
        this.reviews = reviews;
    }

    record ReviewRequest(@NotNull UUID orderLineId, @NotBlank @Email @Size(max = 254) String email, @Min(1) @Max(5) int rating,
            @NotBlank @Size(max = Reviews.MAX_TEXT) String text, @NotBlank @Size(max = 5) String locale,
            @Nullable @Size(max = Reviews.MAX_PHOTOS) List<@NotBlank @Size(max = 500) String> photoUrls) {
    }

    record ReportRequest(@NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/v1/storefront/{market}/reviews")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Review a delivered order line (the order's e-mail proves the purchase); one review per line, rating 1–5")
    Reviews.Received write(@PathVariable String market, @Valid @RequestBody ReviewRequest request) {
        return reviews.write(MarketCode.of(market), new NewReview(request.orderLineId(), request.email(), request.rating(), request.text(),
                request.locale(), request.photoUrls() == null ? List.of() : request.photoUrls()));
    }

    @GetMapping("/api/v1/storefront/{market}/products/{id}/reviews")
    @Operation(summary = "A product's rating summary and published reviews, those in the buyer's language first")
    ProductReviews ofProduct(@PathVariable String market, @PathVariable UUID id, @RequestParam(required = false) @Nullable Locale locale,
            @RequestParam(defaultValue = "20") int limit) {
        MarketCode.of(market);
        return reviews.ofProduct(id, locale, limit);
    }

    @PostMapping("/api/v1/storefront/{market}/reviews/{id}/reports")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report a published review to trust & safety (with a reason)")
    void report(@PathVariable String market, @PathVariable UUID id, @Valid @RequestBody ReportRequest request) {
        MarketCode.of(market);
        reviews.report(id, request.reason());
    }
}
