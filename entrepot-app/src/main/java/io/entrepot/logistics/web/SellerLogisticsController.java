package io.entrepot.logistics.web;

import io.entrepot.logistics.Remediations;
import io.entrepot.logistics.Shipments;
import io.entrepot.shared.ActorContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: shipments and remediation")
class SellerLogisticsController {

    private final Shipments shipments;
    private final Remediations remediations;

    SellerLogisticsController(Shipments shipments, Remediations remediations) {
        this.shipments = shipments;
        this.remediations = remediations;
    }

    @GetMapping("/api/v1/seller/shipments")
    @Operation(summary = "The seller's shipments (outbound and returns) with their tracking events, newest first")
    List<Shipments.Shipment> shipments() {
        return shipments.ofSeller(ActorContext.currentSeller(), 200);
    }

    @GetMapping("/api/v1/seller/remediations/{runId}/report")
    @Operation(summary = "The seller's own lines of a remediation run's report")
    List<Remediations.SellerReport> report(@PathVariable UUID runId) {
        ActorContext.currentSeller();
        return remediations.report(runId);
    }

    @GetMapping("/api/v1/seller/notifications")
    @Operation(summary = "Messages to the seller about remediated orders, newest first")
    List<Remediations.Notification> notifications() {
        ActorContext.currentSeller();
        return remediations.notifications(100);
    }
}
