package io.entrepot.logistics.web;

import io.entrepot.logistics.Carriers;
import io.entrepot.logistics.Lanes;
import io.entrepot.logistics.Shipments;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's lanes: open and close lanes through their customs checkpoints, add checkpoints, see
 * rate tables; and upload a carrier's tracking events as CSV when the carrier sends a file rather
 * than calling the API.
 */
@Controller
@PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
public class LanePages {

    private final Lanes lanes;
    private final Carriers carriers;
    private final Shipments shipments;

    LanePages(Lanes lanes, Carriers carriers, Shipments shipments) {
        this.lanes = lanes;
        this.carriers = carriers;
        this.shipments = shipments;
    }

    /** What the last action on the page did, shown above the tables. */
    public record Outcome(String message, boolean error, List<Shipments.TrackingResult> rejected) {
        static final Outcome NONE = new Outcome("", false, List.of());
    }

    @GetMapping("/console/lanes")
    String page(Model model) {
        return page(model, Outcome.NONE);
    }

    private String page(Model model, Outcome outcome) {
        model.addAttribute("lanes", lanes.all());
        model.addAttribute("checkpoints", lanes.checkpoints());
        model.addAttribute("carriers", carriers.list());
        model.addAttribute("outcome", outcome);
        return "logistics/lanes";
    }

    @PostMapping("/console/lanes")
    String open(@RequestParam String originCountry, @RequestParam String destinationMarket, @RequestParam String carrierService,
            @RequestParam(defaultValue = "5") String transitDaysMin, @RequestParam(defaultValue = "12") String transitDaysMax,
            @RequestParam(required = false) @Nullable String exportCheckpoint, @RequestParam(required = false) @Nullable String importCheckpoint,
            Model model, HttpServletResponse response) {
        try {
            String origin = originCountry.strip().toUpperCase(java.util.Locale.ROOT);
            String market = destinationMarket.strip().toUpperCase(java.util.Locale.ROOT);
            int min = Integer.parseInt(transitDaysMin.strip());
            int max = Integer.parseInt(transitDaysMax.strip());
            if (!origin.matches("[A-Z]{2}") || !market.matches("[A-Z]{2}") || carrierService.isBlank() || carrierService.length() > 100
                    || min < 0 || max < min || max > 120) {
                throw new IllegalArgumentException("a lane has two country codes, a carrier service of 1 to 100 characters and 0 to 120 transit days");
            }
            lanes.open(origin, market, carrierService.strip(), min, max, blankToNull(exportCheckpoint), blankToNull(importCheckpoint));
            return "redirect:/console/lanes";
        } catch (NumberFormatException e) {
            return refused(model, response, 400, "transit days are whole numbers");
        } catch (IllegalArgumentException | NotFoundException e) {
            return refused(model, response, e instanceof NotFoundException ? 404 : 400, String.valueOf(e.getMessage()));
        }
    }

    @PostMapping("/console/lanes/close")
    String close(@RequestParam String originCountry, @RequestParam String destinationMarket, @RequestParam String carrierService) {
        lanes.close(originCountry, destinationMarket, carrierService);
        return "redirect:/console/lanes";
    }

    @PostMapping("/console/checkpoints")
    String checkpoint(@RequestParam String code, @RequestParam String country, @RequestParam String kind, @RequestParam String name, Model model,
            HttpServletResponse response) {
        try {
            lanes.addCheckpoint(code.strip().toUpperCase(java.util.Locale.ROOT), country.strip().toUpperCase(java.util.Locale.ROOT), kind, name);
            return "redirect:/console/lanes";
        } catch (IllegalArgumentException | ConflictException e) {
            return refused(model, response, e instanceof ConflictException ? 409 : 400, String.valueOf(e.getMessage()));
        }
    }

    @PostMapping("/console/tracking-events")
    String upload(@RequestParam String carrier, @RequestParam("file") MultipartFile file, Model model, HttpServletResponse response) throws IOException {
        if (carriers.list().stream().noneMatch(c -> c.code().equals(carrier))) {
            return refused(model, response, 404, "no carrier " + carrier);
        }
        try {
            var results = TrackingEventController.TrackingCsv.apply(shipments, carrier, new String(file.getBytes(), StandardCharsets.UTF_8),
                    TrackingEventController.MAX_EVENTS);
            long applied = results.stream().filter(r -> r.outcome().equals("applied")).count();
            long recorded = results.stream().filter(r -> !r.outcome().equals("rejected")).count() - applied;
            var rejected = results.stream().filter(r -> r.outcome().equals("rejected")).toList();
            return page(model, new Outcome(applied + " applied, " + recorded + " recorded or repeated, " + rejected.size() + " rejected", false, rejected));
        } catch (IllegalArgumentException e) {
            return refused(model, response, 400, String.valueOf(e.getMessage()));
        }
    }

    private String refused(Model model, HttpServletResponse response, int status, String message) {
        response.setStatus(status);
        return page(model, new Outcome(message, true, List.of()));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
