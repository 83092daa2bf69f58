package io.entrepot.logistics.web;

import io.entrepot.logistics.Carriers;
import io.entrepot.logistics.Shipments;
import io.entrepot.shared.RefusedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * Carriers report tracking events here, authenticated by their carrier key (header {@code
 * X-Carrier-Key: ck_…}; staff and sellers' API keys do not apply here). Each event is applied on its own; the answer lists every event's outcome.
 */
@RestController
@Tag(name = "Carriers: tracking events")
class TrackingEventController {

    static final int MAX_EVENTS = 1000;

    private final Carriers carriers;
    private final Shipments shipments;

    TrackingEventController(Carriers carriers, Shipments shipments) {
        this.carriers = carriers;
        this.shipments = shipments;
    }

    record EventRequest(@NotBlank @Size(max = 100) String eventId, @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,40}") String trackingNumber,
            @NotBlank @Size(max = 40) String status, @Nullable @Size(max = 40) String checkpoint, @Nullable @Size(max = 200) String location,
            @NotNull Instant occurredAt) {
    }

    record EventsRequest(@NotEmpty @Size(max = MAX_EVENTS) List<@Valid EventRequest> events) {
    }

    record EventsResponse(String carrier, int applied, int recorded, int duplicates, int rejected, List<Shipments.TrackingResult> results) {
    }

    @PostMapping("/api/v1/logistics/tracking-events")
    @Operation(summary = "Report tracking events (carrier key). Statuses: label_created, picked_up, export_customs, in_transit, "
            + "import_customs_held, import_customs_cleared, out_for_delivery, delivered, returned_to_seller, exception. "
            + "Duplicates (same eventId) and late events are harmless.")
    EventsResponse events(@RequestHeader(name = "X-Carrier-Key", required = false) @Nullable String carrierKey,
            @Valid @RequestBody EventsRequest request) {
        String carrier = carrier(carrierKey);
        return answer(carrier, shipments.track(carrier, request.events().stream().map(e -> new Shipments.TrackingUpdate(e.eventId(),
                e.trackingNumber(), e.status(), e.checkpoint(), e.location(), e.occurredAt())).toList()));
    }

    @PostMapping(path = "/api/v1/logistics/tracking-events.csv", consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Report tracking events as CSV (carrier key): header event_id,tracking_number,status,occurred_at[,checkpoint][,location]; "
            + "quoted fields allowed; a row with a bad value is rejected on its own, a row with the wrong number of fields refuses the file (400)")
    EventsResponse csv(@RequestHeader(name = "X-Carrier-Key", required = false) @Nullable String carrierKey, @RequestBody String body) {
        String carrier = carrier(carrierKey);
        return answer(carrier, TrackingCsv.apply(shipments, carrier, body, MAX_EVENTS));
    }

    private String carrier(@Nullable String key) {
        return carriers.authenticate(key == null ? "" : key.strip()).orElseThrow(() -> new RefusedException(401, "unauthenticated", "a valid carrier key is required"));
    }

    private static EventsResponse answer(String carrier, List<Shipments.TrackingResult> results) {
        return new EventsResponse(carrier, count(results, "applied"), count(results, "recorded"), count(results, "duplicate"),
                count(results, "rejected"), results);
    }

    private static int count(List<Shipments.TrackingResult> results, String outcome) {
        return (int) results.stream().filter(r -> r.outcome().equals(outcome)).count();
    }

    /** Tracking events from CSV, with the same outcomes as the JSON form; a bad row is rejected and the rest applied. */
    static final class TrackingCsv {

        private TrackingCsv() {
        }

        static List<Shipments.TrackingResult> apply(Shipments shipments, String carrier, String body, int max) {
            List<io.entrepot.shared.CsvRecords.Row> rows = io.entrepot.shared.CsvRecords.read(new java.io.StringReader(body));
            if (rows.size() > max) {
                throw new IllegalArgumentException("at most " + max + " events per upload");
            }
            if (!rows.isEmpty() && !rows.getFirst().values().keySet().containsAll(List.of("event_id", "tracking_number", "status", "occurred_at"))) {
                throw new IllegalArgumentException("the header names event_id, tracking_number, status and occurred_at");
            }
            List<Shipments.TrackingResult> results = new ArrayList<>();
            List<Shipments.TrackingUpdate> valid = new ArrayList<>();
            List<Integer> positions = new ArrayList<>();
            for (var row : rows) {
                String eventId = cell(row, "event_id");
                try {
                    if (eventId == null || eventId.length() > 100 || cell(row, "tracking_number") == null || cell(row, "status") == null
                            || cell(row, "occurred_at") == null) {
                        throw new IllegalArgumentException("line " + row.line() + " misses event_id, tracking_number, status or occurred_at");
                    }
                    valid.add(new Shipments.TrackingUpdate(eventId, cell(row, "tracking_number"), cell(row, "status"), cell(row, "checkpoint"),
                            cell(row, "location"), Instant.parse(cell(row, "occurred_at"))));
                    positions.add(results.size());
                    results.add(null);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    results.add(new Shipments.TrackingResult(eventId == null ? "line " + row.line() : eventId, "rejected",
                            e instanceof DateTimeParseException ? "line " + row.line() + ": occurred_at is not an ISO-8601 instant" : e.getMessage()));
                }
            }
            List<Shipments.TrackingResult> applied = shipments.track(carrier, valid);
            for (int k = 0; k < applied.size(); k++) {
                results.set(positions.get(k), applied.get(k));
            }
            return results;
        }

        private static @Nullable String cell(io.entrepot.shared.CsvRecords.Row row, String column) {
            String value = row.get(column).strip();
            return value.isEmpty() ? null : value;
        }
    }
}
