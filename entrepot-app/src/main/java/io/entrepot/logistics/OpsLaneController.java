package io.entrepot.logistics;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: logistics lanes")
class OpsLaneController {

    private final Lanes lanes;

    OpsLaneController(Lanes lanes) {
        this.lanes = lanes;
    }

    record LaneRequest(@NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String originCountry,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String destinationMarket,
            @NotBlank @Size(max = 100) String carrierService,
            @Min(0) @Max(120) int transitDaysMin, @Min(0) @Max(120) int transitDaysMax,
            @org.jspecify.annotations.Nullable @Pattern(regexp = "[A-Z0-9-]{3,40}") String exportCheckpoint,
            @org.jspecify.annotations.Nullable @Pattern(regexp = "[A-Z0-9-]{3,40}") String importCheckpoint) {
    }

    @PostMapping("/api/v1/ops/lanes")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open (or reactivate) a lane from an origin country to a market")
    LaneRequest open(@Valid @RequestBody LaneRequest lane) {
        if (lane.transitDaysMax() < lane.transitDaysMin()) {
            throw new IllegalArgumentException("transitDaysMax must not be below transitDaysMin");
        }
        lanes.open(lane.originCountry(), lane.destinationMarket(), lane.carrierService(), lane.transitDaysMin(), lane.transitDaysMax(),
                lane.exportCheckpoint(), lane.importCheckpoint());
        return lane;
    }

    @org.springframework.web.bind.annotation.DeleteMapping("/api/v1/ops/lanes/{originCountry}/{market}")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Close a lane (nothing new is quoted on it; parcels on their way keep their shipments)")
    void close(@PathVariable String originCountry, @PathVariable String market,
            @org.springframework.web.bind.annotation.RequestParam @NotBlank @Size(max = 100) String carrierService) {
        lanes.close(originCountry, market, carrierService);
    }

    record CheckpointRequest(@NotBlank @Pattern(regexp = "[A-Z0-9-]{3,40}") String code,
            @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "must be an ISO 3166-1 alpha-2 code") String country,
            @NotBlank @Pattern(regexp = "export|import", message = "is export or import") String kind, @NotBlank @Size(max = 200) String name) {
    }

    @PostMapping("/api/v1/ops/checkpoints")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add (or rename) a customs checkpoint")
    Lanes.Checkpoint checkpoint(@Valid @RequestBody CheckpointRequest c) {
        return lanes.addCheckpoint(c.code(), c.country(), c.kind(), c.name());
    }

    @GetMapping("/api/v1/ops/checkpoints")
    @Operation(summary = "Customs checkpoints")
    List<Lanes.Checkpoint> checkpoints() {
        return lanes.checkpoints();
    }

    record BandRequest(@Min(1) @Max(1_000_000) int upToGrams, @jakarta.validation.constraints.NotNull
            @jakarta.validation.constraints.DecimalMin("0") @jakarta.validation.constraints.Digits(integer = 12, fraction = 3) java.math.BigDecimal price,
            @NotBlank @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code") String currency) {
    }

    record RatesRequest(@NotBlank @Size(max = 100) String carrierService, @jakarta.validation.constraints.NotEmpty @Size(max = 50)
            List<@Valid BandRequest> bands) {
    }

    @org.springframework.web.bind.annotation.PutMapping("/api/v1/ops/lanes/{originCountry}/{market}/rates")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    @Operation(summary = "Replace a lane's shipping rate table (weight bands)")
    RatesRequest rates(@PathVariable String originCountry, @PathVariable String market, @Valid @RequestBody RatesRequest rates) {
        lanes.setRates(originCountry, market, rates.carrierService(), rates.bands().stream()
                .map(b -> new Lanes.RateBand(b.upToGrams(), io.entrepot.shared.Money.of(b.price(), io.entrepot.shared.CurrencyCode.of(b.currency()))))
                .toList());
        return rates;
    }

    @GetMapping("/api/v1/ops/lanes/from/{originCountry}")
    @Operation(summary = "Active lanes from an origin country")
    List<Lanes.Lane> from(@PathVariable String originCountry) {
        return lanes.from(originCountry);
    }
}
