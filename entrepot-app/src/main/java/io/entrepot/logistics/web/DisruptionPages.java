package io.entrepot.logistics.web;

import io.entrepot.logistics.Disruptions;
import io.entrepot.logistics.Lanes;
import io.entrepot.logistics.Remediations;
import io.entrepot.logistics.Shipments;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The console's disruptions: declare one, see its preview, start a remediation run and watch it to the
 * end with its per-seller report; and the seller portal's shipments with their tracking and messages.
 */
@Controller
public class DisruptionPages {

    private final Disruptions disruptions;
    private final Remediations remediations;
    private final Lanes lanes;
    private final Shipments shipments;
    private final Clock clock;

    DisruptionPages(Disruptions disruptions, Remediations remediations, Lanes lanes, Shipments shipments, Clock clock) {
        this.disruptions = disruptions;
        this.remediations = remediations;
        this.lanes = lanes;
        this.shipments = shipments;
        this.clock = clock;
    }

    /** The declaration form as typed. */
    public record DisruptionForm(String scope, String checkpoint, String market, String startsAt, String endsAt, String reason) {

        static DisruptionForm blank(Instant now) {
            return new DisruptionForm("checkpoint", "", "", now.truncatedTo(ChronoUnit.MINUTES).toString(), "", "");
        }

        Disruptions.Declaration declaration() {
            try {
                return new Disruptions.Declaration(scope, scope.equals("checkpoint") ? blankToNull(checkpoint) : null,
                        scope.equals("market") ? blankToNull(market) : null, null, Instant.parse(startsAt.strip()),
                        endsAt == null || endsAt.isBlank() ? null : Instant.parse(endsAt.strip()), reason == null ? "" : reason);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("start and end are instants such as 2026-12-01T08:00:00Z");
            }
        }

        private static @Nullable String blankToNull(@Nullable String s) {
            return s == null || s.isBlank() ? null : s.strip().toUpperCase(java.util.Locale.ROOT);
        }
    }

    @GetMapping("/console/disruptions")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    String list(Model model) {
        return listPage(model, DisruptionForm.blank(clock.instant()), "");
    }

    private String listPage(Model model, DisruptionForm form, String error) {
        model.addAttribute("disruptions", disruptions.list());
        model.addAttribute("checkpoints", lanes.checkpoints());
        model.addAttribute("form", form);
        model.addAttribute("error", error);
        return "logistics/disruptions";
    }

    @PostMapping("/console/disruptions")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    String declare(DisruptionForm form, Model model, HttpServletResponse response) {
        try {
            return "redirect:/console/disruptions/" + disruptions.declare(form.declaration()).id();
        } catch (IllegalArgumentException | NotFoundException e) {
            response.setStatus(e instanceof NotFoundException ? 404 : 400);
            return listPage(model, form, String.valueOf(e.getMessage()));
        }
    }

    @GetMapping("/console/disruptions/{id}")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    String disruption(@PathVariable UUID id, Model model) {
        return disruptionPage(id, model, "");
    }

    private String disruptionPage(UUID id, Model model, String error) {
        model.addAttribute("disruption", disruptions.get(id));
        model.addAttribute("preview", disruptions.preview(id));
        model.addAttribute("runs", remediations.runsOf(id));
        model.addAttribute("error", error);
        return "logistics/disruption";
    }

    @PostMapping("/console/disruptions/{id}/remediations")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    String start(@PathVariable UUID id, @org.springframework.web.bind.annotation.RequestParam(defaultValue = "true") boolean returnGoods, Model model,
            HttpServletResponse response) {
        try {
            return "redirect:/console/remediations/" + remediations.start(id, new Remediations.Policy(returnGoods)).id();
        } catch (ConflictException e) {
            response.setStatus(409);
            return disruptionPage(id, model, String.valueOf(e.getMessage()));
        }
    }

    @GetMapping("/console/remediations/{id}")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    String run(@PathVariable UUID id, Model model) {
        var run = remediations.run(id);
        model.addAttribute("run", run);
        model.addAttribute("disruption", disruptions.get(run.disruptionId()));
        model.addAttribute("report", remediations.report(id));
        return "logistics/run";
    }

    @GetMapping("/console/remediations/{id}/progress")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    String progress(@PathVariable UUID id, Model model) {
        model.addAttribute("run", remediations.run(id));
        model.addAttribute("report", remediations.report(id));
        return "logistics/run-progress";
    }

    @GetMapping("/console/remediations/{id}/report.csv")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    org.springframework.http.ResponseEntity<String> reportCsv(@PathVariable UUID id) {
        return org.springframework.http.ResponseEntity.ok().contentType(org.springframework.http.MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"remediation-" + id + ".csv\"").body(remediations.reportCsv(id));
    }

    @PostMapping("/console/remediations/{id}/retries")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    String retry(@PathVariable UUID id) {
        remediations.retryFailed(id);
        return "redirect:/console/remediations/" + id;
    }

    @GetMapping("/seller/shipments")
    String sellerShipments(Model model) {
        model.addAttribute("shipments", shipments.ofSeller(ActorContext.currentSeller(), 100));
        model.addAttribute("notifications", remediations.notifications(50));
        return "logistics/seller-shipments";
    }
}
