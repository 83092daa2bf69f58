package io.entrepot.reviews.web;

import io.entrepot.reviews.Enforcement;
import io.entrepot.reviews.Reviews;
import io.entrepot.reviews.Verdict;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Review integrity's pages: trust &amp; safety's queue with every signal and bulk decisions, one
 * review's history, the appeals to decide; the seller's reviews, replies, enforcement steps, notices
 * and appeal form; and the reviews block of the storefront's product page.
 */
@Controller
class ReviewPages {

    private final Reviews reviews;
    private final Enforcement enforcement;

    ReviewPages(Reviews reviews, Enforcement enforcement) {
        this.reviews = reviews;
        this.enforcement = enforcement;
    }

    @GetMapping("/console/reviews")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    String queue(@RequestParam(defaultValue = "held") String status, Model model) {
        String shown = List.of("held", "published", "removed").contains(status) ? status : "held";
        model.addAttribute("status", shown);
        model.addAttribute("reviews", reviews.queue(shown, null, 200));
        model.addAttribute("policy", reviews.policy());
        model.addAttribute("modelVersion", reviews.modelVersion());
        return "reviews/queue";
    }

    @PostMapping("/console/reviews/decisions")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    String decide(@RequestParam(name = "review", required = false) @Nullable List<UUID> ids, @RequestParam String decision,
            @RequestParam String reason, @RequestParam(defaultValue = "held") String back, RedirectAttributes redirect) {
        try {
            Verdict verdict = switch (decision) {
                case "publish" -> Verdict.PUBLISH;
                case "remove" -> Verdict.REMOVE;
                default -> throw new IllegalArgumentException("decide publish or remove");
            };
            if (ids == null || ids.isEmpty()) {
                throw new IllegalArgumentException("select at least one review");
            }
            int decided = reviews.decide(ids, verdict, reason);
            redirect.addFlashAttribute("message", decided + " " + decision);
        } catch (IllegalArgumentException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/reviews?status=" + (List.of("held", "published", "removed").contains(back) ? back : "held");
    }

    @GetMapping("/console/reviews/{id}")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    String review(@PathVariable UUID id, Model model) {
        model.addAttribute("review", reviews.review(id));
        model.addAttribute("decisions", reviews.decisionsOf(id));
        return "reviews/review";
    }

    @GetMapping("/console/appeals")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    String appeals(Model model) {
        model.addAttribute("open", enforcement.openAppeals());
        model.addAttribute("recent", enforcement.recentActions());
        return "reviews/appeals";
    }

    @PostMapping("/console/appeals/{id}")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY')")
    String decideAppeal(@PathVariable UUID id, @RequestParam String decision, @RequestParam String reason, RedirectAttributes redirect) {
        try {
            if (!decision.equals("upheld") && !decision.equals("overturned")) {
                throw new IllegalArgumentException("decide upheld or overturned");
            }
            enforcement.decideAppeal(id, decision.equals("overturned"), reason);
            redirect.addFlashAttribute("message", decision);
        } catch (IllegalArgumentException | NotFoundException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/appeals";
    }

    @GetMapping("/seller/reviews")
    String sellerReviews(Model model) {
        var seller = ActorContext.currentSeller();
        model.addAttribute("reviews", reviews.ofSeller(seller));
        model.addAttribute("actions", enforcement.actionsOf(seller));
        model.addAttribute("notices", enforcement.noticesOf(seller));
        return "reviews/seller";
    }

    @PostMapping("/seller/reviews/{id}/reply")
    String reply(@PathVariable UUID id, @RequestParam String text, RedirectAttributes redirect) {
        try {
            reviews.reply(ActorContext.currentSeller(), id, text);
        } catch (IllegalArgumentException | NotFoundException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/seller/reviews";
    }

    @PostMapping("/seller/enforcement/{id}/appeal")
    String appeal(@PathVariable UUID id, @RequestParam String statement, RedirectAttributes redirect) {
        try {
            enforcement.appeal(ActorContext.currentSeller(), id, statement);
            redirect.addFlashAttribute("message", "appeal");
        } catch (IllegalArgumentException | NotFoundException | ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/seller/reviews";
    }

    /** The reviews block the product page loads with htmx. */
    @GetMapping("/store/offers/{offerId}/reviews")
    String productReviews(@PathVariable UUID offerId, Locale locale, Model model, HttpServletResponse response) {
        model.addAttribute("reviews", reviews.ofOffer(offerId, locale, 20));
        return "reviews/product-reviews";
    }
}
