package io.entrepot.governance.web;

import io.entrepot.governance.AccessGrants;
import io.entrepot.governance.AccessPurpose;
import io.entrepot.governance.AccessScope;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.OperatorRole;
import io.entrepot.shared.RefusedException;
import io.entrepot.shared.SellerId;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The console's access grants: request one, see your own; compliance approves, revokes and reviews break-glass access. */
@Controller
@PreAuthorize("hasRole('STAFF')")
class AccessGrantPages {

    private final AccessGrants grants;

    AccessGrantPages(AccessGrants grants) {
        this.grants = grants;
    }

    @GetMapping("/console/access-grants")
    String grants(Model model) {
        boolean compliance = ActorContext.current() instanceof Actor.Operator op && op.has(OperatorRole.COMPLIANCE);
        List<AccessGrants.Grant> visible = grants.list(null, null, 300);
        model.addAttribute("grants", visible);
        model.addAttribute("pending", compliance ? visible.stream().filter(g -> g.status() == AccessGrants.Status.PENDING).toList() : List.of());
        model.addAttribute("unreviewed", compliance ? visible.stream().filter(AccessGrants.Grant::awaitingReview).toList() : List.of());
        model.addAttribute("compliance", compliance);
        model.addAttribute("scopes", Arrays.stream(AccessScope.values()).map(AccessScope::key).toList());
        model.addAttribute("purposes", Arrays.stream(AccessPurpose.values()).map(AccessPurpose::key).toList());
        return "governance/console-grants";
    }

    @PostMapping("/console/access-grants")
    String request(@RequestParam String sellerId, @RequestParam(required = false) @Nullable List<String> scopes, @RequestParam String purpose,
            @RequestParam String reference, @RequestParam(defaultValue = "24") int hours,
            @RequestParam(defaultValue = "false") boolean breakGlass, RedirectAttributes redirect) {
        return handle(redirect, "requested", () -> {
            UUID seller;
            try {
                seller = UUID.fromString(sellerId.strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the seller is named by its id, not '" + sellerId + "'");
            }
            if (scopes == null || scopes.isEmpty()) {
                throw new IllegalArgumentException("choose at least one kind of data");
            }
            grants.request(new AccessGrants.NewGrant(new SellerId(seller), scopes.stream().map(AccessScope::fromKey).collect(Collectors.toSet()),
                    AccessPurpose.fromKey(purpose), reference, hours, breakGlass));
        });
    }

    @PostMapping("/console/access-grants/{id}/approval")
    String approve(@PathVariable UUID id, RedirectAttributes redirect) {
        return handle(redirect, "approved", () -> grants.approve(id));
    }

    @PostMapping("/console/access-grants/{id}/revocation")
    String revoke(@PathVariable UUID id, @RequestParam String reason, RedirectAttributes redirect) {
        return handle(redirect, "revoked", () -> grants.revoke(id, reason));
    }

    @PostMapping("/console/access-grants/{id}/review")
    String review(@PathVariable UUID id, @RequestParam String note, RedirectAttributes redirect) {
        return handle(redirect, "reviewed", () -> grants.review(id, note));
    }

    private static String handle(RedirectAttributes redirect, String message, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("message", message);
        } catch (IllegalArgumentException | NotFoundException | ConflictException | RefusedException | AccessDeniedException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/console/access-grants";
    }
}
