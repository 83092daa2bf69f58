package io.entrepot.governance.web;

import io.entrepot.governance.AccessGrants;
import io.entrepot.governance.AccessLog;
import io.entrepot.governance.AccessLogEntry;
import io.entrepot.governance.TransparencyReports;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CsvRecords;
import io.entrepot.shared.Months;
import io.entrepot.shared.SellerId;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: who accessed my data (access log, grants, transparency summary)")
class SellerAccessLogController {

    static final int MAX_ROWS = 100_000;

    private final AccessLog log;
    private final AccessGrants grants;
    private final TransparencyReports reports;
    private final TransactionTemplate tx;

    SellerAccessLogController(AccessLog log, AccessGrants grants, TransparencyReports reports, TransactionTemplate tx) {
        this.reports = reports;
        this.log = log;
        this.grants = grants;
        this.tx = tx;
    }

    /** An access-log entry as the seller reads it. */
    record LogLine(long seq, UUID id, Instant at, String actor, String purpose, String reference, @Nullable UUID grantId, String operation,
            List<String> objectIds, String hash) {
        static LogLine of(AccessLogEntry e) {
            return new LogLine(e.seq(), e.id(), e.occurredAt(), e.actor(), e.purpose(), e.reference(), e.grantId(), e.operation(), e.objectIds(),
                    e.hashHex());
        }
    }

    @GetMapping("/api/v1/seller/access-log")
    @Operation(summary = "Every read or write of your data by operator staff (under a grant) or a system job (under its purpose), newest "
            + "first; filter by time, purpose and free text")
    List<LogLine> entries(@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String purpose, @RequestParam(required = false) @Nullable String q,
            @RequestParam(defaultValue = "200") int limit) {
        SellerId seller = ActorContext.currentSeller();
        var filter = filter(from, to, purpose, q, limit, 1000);
        return tx.execute(s -> log.ofSeller(seller, filter)).stream().map(LogLine::of).toList();
    }

    @GetMapping(path = "/api/v1/seller/access-log.csv", produces = "text/csv")
    @Operation(summary = "The same entries as CSV (up to 100,000 rows)")
    void csv(@RequestParam(required = false) @Nullable Instant from, @RequestParam(required = false) @Nullable Instant to,
            @RequestParam(required = false) @Nullable String purpose, @RequestParam(required = false) @Nullable String q,
            HttpServletResponse response) throws IOException {
        SellerId seller = ActorContext.currentSeller();
        var filter = filter(from, to, purpose, q, MAX_ROWS, MAX_ROWS);
        streamCsv(response, "access-log.csv", sink -> tx.executeWithoutResult(s -> log.streamOfSeller(seller, filter, sink)));
    }

    @GetMapping("/api/v1/seller/access-log/summary/{month}")
    @Operation(summary = "Your monthly transparency summary: who looked at your data, why and how often (calendar month, UTC)")
    AccessLog.Summary summary(@PathVariable String month) {
        SellerId seller = ActorContext.currentSeller();
        YearMonth parsed = Months.parse(month);
        return tx.execute(s -> log.summary(seller, parsed));
    }

    @GetMapping("/api/v1/seller/access-log/summaries")
    @Operation(summary = "The monthly transparency summaries you were sent (webhook access_log.monthly_summary), newest first")
    List<TransparencyReports.Sent> summaries() {
        return reports.sentTo(ActorContext.currentSeller());
    }

    @GetMapping("/api/v1/seller/access-grants")
    @Operation(summary = "Every access grant on your data: who asked, for what purpose and reference, who approved, until when")
    List<AccessGrants.Grant> grants() {
        return grants.list(ActorContext.currentSeller(), null, 500);
    }

    static AccessLog.Filter filter(@Nullable Instant from, @Nullable Instant to, @Nullable String purpose, @Nullable String q, int limit, int max) {
        if (limit < 1 || limit > max) {
            throw new IllegalArgumentException("limit is 1 to " + max + ", not " + limit);
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
        if (q != null && q.length() > 200) {
            throw new IllegalArgumentException("the search text is at most 200 characters");
        }
        return new AccessLog.Filter(from, to, purpose == null || purpose.isBlank() ? null : purpose.strip(), q, limit);
    }

    /** Streams entries as CSV into the response, in the request's thread (and so as the request's actor). */
    static void streamCsv(HttpServletResponse response, String filename,
            java.util.function.Consumer<java.util.function.Consumer<AccessLogEntry>> entries) throws IOException {
        response.setContentType("text/csv; charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"" + filename + "\"");
        var writer = new PrintWriter(new java.io.BufferedWriter(new java.io.OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8)));
        writer.print("seq,id,at,seller_id,actor,purpose,reference,grant_id,operation,object_ids,prev_hash,hash\r\n");
        entries.accept(e -> writer.print(String.join(",", Long.toString(e.seq()), e.id().toString(), e.occurredAt().toString(),
                e.sellerId().toString(), CsvRecords.cell(e.actor()), CsvRecords.cell(e.purpose()), CsvRecords.cell(e.reference()),
                e.grantId() == null ? "" : e.grantId().toString(), CsvRecords.cell(e.operation()), CsvRecords.cell(String.join(" ", e.objectIds())),
                java.util.HexFormat.of().formatHex(e.prevHash()), e.hashHex()) + "\r\n"));
        writer.flush();
    }

}
