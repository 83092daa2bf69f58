package io.entrepot.ordering.web;

import io.entrepot.logistics.Shipments;
import io.entrepot.ordering.OrderView;
import io.entrepot.ordering.Orders;
import io.entrepot.ordering.internal.IdempotencyKeys;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.IdempotencyKeyHeader;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Seller: orders")
class SellerOrderController {

    private final Orders orders;
    private final Shipments shipments;

    SellerOrderController(Orders orders, Shipments shipments) {
        this.orders = orders;
        this.shipments = shipments;
    }

    record ReasonRequest(@NotBlank @Size(max = 500) String reason) {
    }

    record RefundRequest(@DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 3) @Nullable BigDecimal amount,
            @NotBlank @Size(max = 500) String reason) {
    }

    @GetMapping("/api/v1/seller/orders")
    @Operation(summary = "The seller's orders, newest first, optionally by status")
    List<OrderView.SellerOrder> list(@RequestParam(required = false) @Nullable String status) {
        return orders.sellerOrders(ActorContext.currentSeller(), status);
    }

    @GetMapping("/api/v1/seller/orders/{id}")
    @Operation(summary = "One of the seller's orders, with each line's commission and the rule that set it")
    OrderView.SellerOrder get(@PathVariable UUID id) {
        return orders.sellerOrder(id);
    }

    record ShipmentRequest(@Nullable @jakarta.validation.constraints.Pattern(regexp = "[A-Za-z0-9-]{4,40}",
            message = "has 4 to 40 letters, digits or dashes") String trackingNumber) {
    }

    @PostMapping("/api/v1/seller/orders/{id}/shipments")
    @org.springframework.web.bind.annotation.ResponseStatus(org.springframework.http.HttpStatus.CREATED)
    @Operation(summary = "Ship the order (optionally with the carrier's tracking number): its payment is captured, the seller's share "
            + "booked as pending, and its shipment created; a repeat returns the same shipment")
    Shipments.Shipment ship(@PathVariable UUID id, @Valid @RequestBody(required = false) @Nullable ShipmentRequest request) {
        orders.ship(id, request == null ? null : request.trackingNumber());
        return shipments.ofSellerOrders(List.of(id)).stream().filter(s -> s.direction().equals("outbound")).findFirst().orElseThrow();
    }

    @GetMapping("/api/v1/seller/orders/{id}/shipments")
    @Operation(summary = "The order's shipments (outbound, and the return after a remediation) with their tracking events")
    List<Shipments.Shipment> shipments(@PathVariable UUID id) {
        orders.sellerOrder(id);
        return shipments.ofSellerOrders(List.of(id));
    }

    @PostMapping("/api/v1/seller/orders/{id}/cancellation")
    @Operation(summary = "Cancel an unshipped order: stock back, authorization voided")
    OrderView.SellerOrder cancel(@PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        return orders.cancel(id, request.reason());
    }

    @PostMapping("/api/v1/seller/orders/{id}/refunds")
    @Operation(summary = "Refund a shipped order in full (no amount) or in part (Idempotency-Key required)")
    ResponseEntity<String> refund(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody RefundRequest request) {
        return refund(orders, id, key, request);
    }

    static ResponseEntity<String> refund(Orders orders, UUID id, @Nullable String key, RefundRequest request) {
        var result = orders.refund(id, request.amount(), request.reason(), IdempotencyKeyHeader.require(key, "a refund"),
                IdempotencyKeys.hash(id.toString(), String.valueOf(request.amount() == null ? null : request.amount().stripTrailingZeros()),
                        request.reason()));
        return ResponseEntity.status(result.status())
                .contentType(result.status() < 300 ? MediaType.APPLICATION_JSON : MediaType.APPLICATION_PROBLEM_JSON).body(result.body());
    }
}
