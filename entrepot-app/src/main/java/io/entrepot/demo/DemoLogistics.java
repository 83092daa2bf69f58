package io.entrepot.demo;

import io.entrepot.logistics.Disruptions;
import io.entrepot.logistics.Remediations;
import io.entrepot.logistics.Shipments;
import io.entrepot.ordering.OrderView;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The demo's parcels: tracking histories on several lanes (delivered, in transit, just picked up) as
 * the demo carrier reports them, and a past customs disruption at New York's import customs whose
 * remediation run has finished — refunds, returns at the platform's expense, a parcel back with its
 * seller, the per-seller report — so a newcomer sees the whole story and can preview a new one.
 */
@Component
@ConditionalOnProperty(name = "entrepot.demo.enabled", havingValue = "true", matchIfMissing = true)
class DemoLogistics {

    private static final String CARRIER = "entrepot-air";

    private final Shipments shipments;
    private final Disruptions disruptions;
    private final Remediations remediations;
    private final Clock clock;

    DemoLogistics(Shipments shipments, Disruptions disruptions, Remediations remediations, Clock clock) {
        this.shipments = shipments;
        this.disruptions = disruptions;
        this.remediations = remediations;
        this.clock = clock;
    }

    /** Reports the parcels of an order's seller orders through these stages, a few hours apart, ending now. */
    void track(OrderView order, String checkpointOfImport, String... stages) {
        for (OrderView.SellerOrder so : order.sellerOrders()) {
            for (Shipments.Shipment parcel : shipments.ofSellerOrders(List.of(so.id()))) {
                report(parcel, checkpointOfImport, stages);
            }
        }
    }

    private void report(Shipments.Shipment parcel, String checkpointOfImport, String... stages) {
        Instant at = clock.instant().minus(Duration.ofHours(6L * stages.length));
        List<Shipments.TrackingUpdate> updates = new ArrayList<>();
        for (String stage : stages) {
            at = at.plus(Duration.ofHours(6));
            String checkpoint = stage.startsWith("import_customs") ? checkpointOfImport : null;
            updates.add(new Shipments.TrackingUpdate("demo-" + parcel.trackingNumber() + "-" + stage, parcel.trackingNumber(), stage, checkpoint,
                    checkpoint == null ? null : "customs", at));
        }
        shipments.track(CARRIER, updates);
    }

    /** Parcels stranded at JFK import customs, the disruption that closed it last week, and its finished remediation run. */
    void pastDisruption(List<OrderView> stranded) {
        for (OrderView order : stranded) {
            track(order, "US-JFK-IMPORT", "picked_up", "export_customs", "in_transit", "import_customs_held");
        }
        Instant now = clock.instant();
        var disruption = disruptions.declare(new Disruptions.Declaration("checkpoint", "US-JFK-IMPORT", null, null, now.minus(Duration.ofDays(9)),
                now.minus(Duration.ofDays(2)), "demo: customs IT outage at New York JFK, parcels held for a week"));
        var run = remediations.start(disruption.id(), Remediations.Policy.DEFAULT);
        String node = "demo-seed/" + UUID.randomUUID();
        // The platform's own remediation workers start polling 5 s after start-up and may claim some of the run's items
        // first: then this loop has nothing to claim until they are done, so it waits for the run to finish (before, it
        // gave up after 100 quick turns and the first return below was sometimes not there yet).
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (remediations.run(run.id()).status().equals("running") && System.nanoTime() < deadline) {
            if (remediations.workOnce(node, 25, Duration.ofMinutes(1)) == 0) {
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        }
        // The first returned parcel is back with its seller: its goods are on sale again.
        UUID first = stranded.getFirst().sellerOrders().getFirst().id();
        shipments.ofSellerOrders(List.of(first)).stream().filter(s -> s.direction().equals("return")).findFirst()
                .ifPresent(parcel -> report(parcel, "US-JFK-IMPORT", "picked_up", "in_transit", "returned_to_seller"));
    }
}
