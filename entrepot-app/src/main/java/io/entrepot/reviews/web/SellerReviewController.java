package io.entrepot.reviews.web;

import io.entrepot.reviews.Enforcement;
import io.entrepot.reviews.EnforcementAction;
import io.entrepot.reviews.ReviewView;
import io.entrepot.reviews.Reviews;
import io.entrepot.reviews.internal.EnforcementStore;
import io.entrepot.shared.ActorContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: reviews and enforcement")
class SellerReviewController {

    private final Reviews reviews;
    private final Enforcement enforcement;

    SellerReviewController(Reviews reviews, Enforcement enforcement) {
        this.reviews = reviews;
        this.enforcement = enforcement;
    }

    record ReplyRequest(@NotBlank @Size(max = 2000) String text) {
    }

    record AppealRequest(@NotBlank @Size(min = 10, max = 4000) String statement) {
    }

    record Standing(List<EnforcementAction> actions, List<EnforcementStore.Notice> notices) {
    }

    @GetMapping("/api/v1/seller/reviews")
    @Operation(summary = "Reviews of the seller's products with their status, score and signals")
    List<ReviewView> reviews() {
        return reviews.ofSeller(ActorContext.currentSeller());
    }

    @PostMapping("/api/v1/seller/reviews/{id}/reply")
    @Operation(summary = "Reply to a review of the seller's products, once")
    ReviewView reply(@PathVariable UUID id, @Valid @RequestBody ReplyRequest request) {
        return reviews.reply(ActorContext.currentSeller(), id, request.text());
    }

    @GetMapping("/api/v1/seller/enforcement")
    @Operation(summary = "The seller's enforcement steps (with appeals) and notices")
    Standing standing() {
        var seller = ActorContext.currentSeller();
        return new Standing(enforcement.actionsOf(seller), enforcement.noticesOf(seller));
    }

    @PostMapping("/api/v1/seller/enforcement/{actionId}/appeal")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Appeal an enforcement step in force, stating the grounds")
    EnforcementAction appeal(@PathVariable UUID actionId, @Valid @RequestBody AppealRequest request) {
        return enforcement.appeal(ActorContext.currentSeller(), actionId, request.statement());
    }
}
