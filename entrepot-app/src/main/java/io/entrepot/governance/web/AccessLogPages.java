package io.entrepot.governance.web;

import io.entrepot.governance.AccessGrants;
import io.entrepot.governance.AccessLog;
import io.entrepot.governance.AccessPurpose;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Months;
import io.entrepot.shared.SellerId;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The seller's access log in the portal: filters, search, CSV export, the month's transparency summary and the grants on the seller. */
@Controller
class AccessLogPages {

    private final AccessLog log;
    private final AccessGrants grants;
    private final TransactionTemplate tx;
    private final Clock clock;

    AccessLogPages(AccessLog log, AccessGrants grants, TransactionTemplate tx, Clock clock) {
        this.log = log;
        this.grants = grants;
        this.tx = tx;
        this.clock = clock;
    }

    @GetMapping("/seller/access-log")
    String accessLog(@RequestParam(required = false) @Nullable String from, @RequestParam(required = false) @Nullable String to,
            @RequestParam(required = false) @Nullable String purpose, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String month, Model model) {
        SellerId seller = ActorContext.currentSeller();
        String error = "";
        AccessLog.Filter filter;
        YearMonth summaryMonth = YearMonth.now(clock.withZone(ZoneOffset.UTC));
        try {
            Instant lastDay = day(to);
            filter = SellerAccessLogController.filter(day(from), lastDay == null ? null : lastDay.plusSeconds(86_400), purpose, q, 500, 500);
            if (month != null && !month.isBlank()) {
                summaryMonth = Months.parse(month);
            }
        } catch (IllegalArgumentException e) {
            error = e.getMessage();
            filter = new AccessLog.Filter(null, null, null, null, 500);
        }
        var chosen = filter;
        var summarised = summaryMonth;
        model.addAttribute("entries", tx.execute(s -> log.ofSeller(seller, chosen)));
        model.addAttribute("summary", tx.execute(s -> log.summary(seller, summarised)));
        model.addAttribute("grants", grants.list(seller, null, 100));
        model.addAttribute("purposes", Arrays.stream(AccessPurpose.values()).map(AccessPurpose::key).toList());
        model.addAttribute("from", from == null ? "" : from);
        model.addAttribute("to", to == null ? "" : to);
        model.addAttribute("purpose", purpose == null ? "" : purpose);
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("month", summaryMonth.toString());
        model.addAttribute("error", error);
        var csv = UriComponentsBuilder.fromPath("/api/v1/seller/access-log.csv");
        if (filter.from() != null) {
            csv.queryParam("from", filter.from());
        }
        if (filter.to() != null) {
            csv.queryParam("to", filter.to());
        }
        if (filter.purpose() != null) {
            csv.queryParam("purpose", filter.purpose());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            csv.queryParam("q", filter.q());
        }
        model.addAttribute("csv", csv.encode().build().toUriString());
        return "governance/access-log";
    }

    private static @Nullable Instant day(@Nullable String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a date is written like 2026-11-30, not '" + value + "'");
        }
    }
}
