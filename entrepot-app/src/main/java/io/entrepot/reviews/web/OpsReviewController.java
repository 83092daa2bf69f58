package io.entrepot.reviews.web;

import io.entrepot.reviews.Enforcement;
import io.entrepot.reviews.EnforcementAction;
import io.entrepot.reviews.ReviewView;
import io.entrepot.reviews.Reviews;
import io.entrepot.reviews.Verdict;
import io.entrepot.reviews.internal.ReviewStore;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: review integrity")
@PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
class OpsReviewController {

    private final Reviews reviews;
    private final Enforcement enforcement;

    OpsReviewController(Reviews reviews, Enforcement enforcement) {
        this.reviews = reviews;
        this.enforcement = enforcement;
    }

    record DecisionRequest(@NotEmpty @Size(max = 500) List<UUID> reviewIds, @NotBlank @Pattern(regexp = "publish|remove") String decision,
            @NotBlank @Size(max = 500) String reason) {
    }

    record AppealDecisionRequest(@NotBlank @Pattern(regexp = "upheld|overturned") String decision, @NotBlank @Size(max = 500) String reason) {
    }

    record Decided(int reviews, String decision) {
    }

    record ReviewWithHistory(ReviewView review, List<ReviewStore.Decision> decisions) {
    }

    @GetMapping("/api/v1/ops/reviews")
    @Operation(summary = "The trust & safety queue: held reviews by score (or another status, or one seller's)")
    List<ReviewView> queue(@RequestParam(defaultValue = "held") String status, @RequestParam(required = false) @Nullable UUID seller,
            @RequestParam(defaultValue = "100") int limit) {
        return reviews.queue(status, seller, limit);
    }

    @GetMapping("/api/v1/ops/reviews/{id}")
    @Operation(summary = "One review with its signals and every decision on it (who, when, why)")
    ReviewWithHistory review(@PathVariable UUID id) {
        return new ReviewWithHistory(reviews.review(id), reviews.decisionsOf(id));
    }

    @PostMapping("/api/v1/ops/reviews/decisions")
    @Operation(summary = "Publish or remove reviews in bulk, with a reason recorded for each")
    Decided decide(@Valid @RequestBody DecisionRequest request) {
        Verdict verdict = Verdict.valueOf(request.decision().equals("publish") ? "PUBLISH" : "REMOVE");
        return new Decided(reviews.decide(request.reviewIds(), verdict, request.reason()), request.decision());
    }

    @GetMapping("/api/v1/ops/appeals")
    @Operation(summary = "Open appeals against enforcement steps, oldest first")
    List<EnforcementAction> appeals() {
        return enforcement.openAppeals();
    }

    @PostMapping("/api/v1/ops/appeals/{id}/decision")
    @Operation(summary = "Uphold or overturn an appeal; overturning lifts the step and stops counting the fakes behind it")
    EnforcementAction decideAppeal(@PathVariable UUID id, @Valid @RequestBody AppealDecisionRequest request) {
        return enforcement.decideAppeal(id, request.decision().toLowerCase(Locale.ROOT).equals("overturned"), request.reason());
    }

    record Decayed(int sellersLookedAt) {
    }

    @PostMapping("/api/v1/ops/enforcement/decay")
    @Operation(summary = "Re-evaluate every seller with a step in force now (the job does it every 10 minutes): steps whose fakes left the window are lifted")
    Decayed decay() {
        return new Decayed(enforcement.decay());
    }

    @GetMapping("/api/v1/ops/sellers/{sellerId}/enforcement")
    @Operation(summary = "A seller's enforcement steps and appeals")
    List<EnforcementAction> enforcementOf(@PathVariable UUID sellerId) {
        return enforcement.actionsOfSeller(sellerId);
    }
}
