package io.entrepot.governance.web;

import io.entrepot.governance.AccessLog;
import io.entrepot.governance.AuditVerification;
import io.entrepot.governance.Checkpoints;
import io.entrepot.governance.TransparencyReports;
import io.entrepot.shared.Months;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Auditor: the whole access log and its verification")
@PreAuthorize("hasAnyRole('OPS_AUDITOR', 'OPS_COMPLIANCE')")
class AuditController {

    private final AccessLog log;
    private final Checkpoints checkpoints;
    private final TransparencyReports reports;
    private final TransactionTemplate tx;

    AuditController(AccessLog log, Checkpoints checkpoints, TransparencyReports reports, TransactionTemplate tx) {
        this.reports = reports;
        this.log = log;
        this.checkpoints = checkpoints;
        this.tx = tx;
    }

    @GetMapping(path = "/api/v1/ops/audit/access-log.csv", produces = "text/csv")
    @Operation(summary = "Every entry of the access log, in chain order, with its hashes (streamed)")
    void export(HttpServletResponse response) throws IOException {
        SellerAccessLogController.streamCsv(response, "access-log-full.csv", sink -> tx.executeWithoutResult(s -> log.streamAll(sink)));
    }

    @GetMapping("/api/v1/ops/audit/verification")
    @Operation(summary = "Recompute the chain and check the signed checkpoints now; names the first bad entry")
    AuditVerification.Result verification() {
        return checkpoints.verify();
    }

    @PostMapping("/api/v1/ops/transparency-reports/{month}")
    @PreAuthorize("hasRole('OPS_COMPLIANCE')")
    @Operation(summary = "Send a completed month's transparency summaries now (the job sends last month's within the hour); the number sent")
    java.util.Map<String, Object> sendSummaries(@PathVariable String month) {
        java.time.YearMonth parsed = Months.parse(month);
        if (!parsed.isBefore(java.time.YearMonth.now(java.time.ZoneOffset.UTC))) {
            throw new IllegalArgumentException("summaries are sent for months that have ended, not " + month);
        }
        return java.util.Map.of("month", parsed.toString(), "sent", reports.sendFor(parsed));
    }

    @PostMapping("/api/v1/ops/audit/checkpoints")
    @Operation(summary = "Sign the current head into the checkpoint file now (the job also does every 10 minutes)")
    AuditVerification.Checkpoint checkpoint() {
        return checkpoints.write();
    }
}
