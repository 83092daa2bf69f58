package io.entrepot.logistics.web;

import io.entrepot.logistics.Carriers;
import io.entrepot.logistics.Disruptions;
import io.entrepot.logistics.Remediations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: disruptions and remediation")
@PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
class OpsDisruptionController {

    private final Disruptions disruptions;
    private final Remediations remediations;
    private final Carriers carriers;

    OpsDisruptionController(Disruptions disruptions, Remediations remediations, Carriers carriers) {
        this.disruptions = disruptions;
        this.remediations = remediations;
        this.carriers = carriers;
    }

    record DisruptionRequest(@NotBlank @Pattern(regexp = "checkpoint|market|lane", message = "is checkpoint, market or lane") String scope,
            @Nullable @Pattern(regexp = "[A-Z0-9-]{3,40}") String checkpoint,
            @Nullable @Pattern(regexp = "[A-Z]{2}", message = "must be a market code") String market, @Nullable UUID laneId,
            @NotNull Instant startsAt, @Nullable Instant endsAt, @NotBlank @Size(max = 500) String reason) {
    }

    @PostMapping("/api/v1/ops/disruptions")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Declare a customs disruption: a checkpoint, a whole market or a lane, closed from startsAt (to endsAt)")
    Disruptions.Disruption declare(@Valid @RequestBody DisruptionRequest r) {
        return disruptions.declare(new Disruptions.Declaration(r.scope(), r.checkpoint(), r.market(), r.laneId(), r.startsAt(), r.endsAt(), r.reason()));
    }

    @GetMapping("/api/v1/ops/disruptions")
    @Operation(summary = "Disruptions, newest first")
    List<Disruptions.Disruption> list() {
        return disruptions.list();
    }

    @GetMapping("/api/v1/ops/disruptions/{id}")
    @Operation(summary = "One disruption with its remediation runs")
    Map<String, Object> get(@PathVariable UUID id) {
        return Map.of("disruption", disruptions.get(id), "runs", remediations.runsOf(id));
    }

    @GetMapping("/api/v1/ops/disruptions/{id}/preview")
    @Operation(summary = "Dry run: the seller orders a remediation would cancel or bring back now, money by currency, sellers affected; writes nothing")
    Disruptions.Preview preview(@PathVariable UUID id) {
        return disruptions.preview(id);
    }

    record RemediationRequest(@Nullable Boolean returnGoods) {
    }

    @PostMapping("/api/v1/ops/disruptions/{id}/remediations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Start a remediation run (default policy: cancel, full refund, goods returned, the platform pays return shipping and "
            + "all fees, no commission, no penalty); the nodes work it in the background")
    Remediations.Run start(@PathVariable UUID id, @RequestBody(required = false) @Nullable RemediationRequest request) {
        boolean returnGoods = request == null || request.returnGoods() == null || request.returnGoods();
        return remediations.start(id, new Remediations.Policy(returnGoods));
    }

    @GetMapping("/api/v1/ops/remediations/{id}")
    @Operation(summary = "A run's progress: done, failed, remaining, items per minute, estimated seconds left")
    Remediations.Run run(@PathVariable UUID id) {
        return remediations.run(id);
    }

    @PostMapping("/api/v1/ops/remediations/{id}/retries")
    @Operation(summary = "Put a run's failed items back to work (refunds asked again under new keys)")
    Map<String, Integer> retry(@PathVariable UUID id) {
        return Map.of("retried", remediations.retryFailed(id));
    }

    @GetMapping("/api/v1/ops/remediations/{id}/report")
    @Operation(summary = "Per-seller report of a run")
    List<Remediations.SellerReport> report(@PathVariable UUID id) {
        return remediations.report(id);
    }

    @GetMapping(path = "/api/v1/ops/remediations/{id}/report.csv", produces = "text/csv")
    @Operation(summary = "Per-seller report of a run as CSV")
    ResponseEntity<String> reportCsv(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"remediation-" + id + ".csv\"").body(remediations.reportCsv(id));
    }

    record CarrierRequest(@NotBlank @Pattern(regexp = "[a-z0-9-]{2,40}") String code, @NotBlank @Size(max = 200) String name) {
    }

    @PostMapping("/api/v1/ops/carriers")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register (or rename) a carrier")
    Carriers.Carrier carrier(@Valid @RequestBody CarrierRequest request) {
        return carriers.register(request.code(), request.name());
    }

    @GetMapping("/api/v1/ops/carriers")
    @Operation(summary = "Carriers and whether they hold a key")
    List<Carriers.Carrier> carriers() {
        return carriers.list();
    }

    @PostMapping("/api/v1/ops/carriers/{code}/keys")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue the carrier's tracking key (shown once; replaces the previous one)")
    Map<String, String> key(@PathVariable String code) {
        return Map.of("carrier", code, "key", carriers.issueKey(code));
    }
}
