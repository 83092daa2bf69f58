package io.entrepot.ordering.web;

import io.entrepot.ledger.Ledger;
import io.entrepot.ordering.OrderView;
import io.entrepot.ordering.Orders;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Operator: orders")
class OpsOrderController {

    private final Orders orders;
    private final Ledger ledger;
    private final StaffOrderAccess staff;

    OpsOrderController(Orders orders, Ledger ledger, StaffOrderAccess staff) {
        this.staff = staff;
        this.orders = orders;
        this.ledger = ledger;
    }

    @GetMapping("/api/v1/ops/orders")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_FINANCE', 'OPS_TRUST_SAFETY', 'OPS_LOGISTICS', 'OPS_SUPPORT')")
    @Operation(summary = "Search orders by id prefix or e-mail, status and market; each seller's part only under a live access grant of "
            + "scope orders on that seller (logged in its access log)")
    List<OrderView> search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String market, @RequestParam(defaultValue = "50") int limit) {
        return staff.search(q, status, market, limit);
    }

    @GetMapping("/api/v1/ops/orders/{id}")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_FINANCE', 'OPS_TRUST_SAFETY', 'OPS_LOGISTICS', 'OPS_SUPPORT')")
    @Operation(summary = "One order with the seller orders you hold a live access grant of scope orders on (logged in each seller's access log)")
    OrderView get(@PathVariable UUID id) {
        return staff.order(id);
    }

    @PostMapping("/api/v1/ops/seller-orders/{id}/delivery")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_LOGISTICS')")
    @Operation(summary = "Record a delivery: the market's return window starts")
    OrderView.SellerOrder deliver(@PathVariable UUID id) {
        return staff.act("ops-order-delivery", "order.delivery", id, () -> orders.deliver(id));
    }

    @PostMapping("/api/v1/ops/seller-orders/{id}/cancellation")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY', 'OPS_FINANCE')")
    @Operation(summary = "Cancel an unshipped seller order")
    OrderView.SellerOrder cancel(@PathVariable UUID id, @Valid @RequestBody SellerOrderController.ReasonRequest request) {
        return staff.act("ops-order-cancellation", "order.cancellation", id, () -> orders.cancel(id, request.reason()));
    }

    @PostMapping("/api/v1/ops/seller-orders/{id}/refunds")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_TRUST_SAFETY', 'OPS_FINANCE')")
    @Operation(summary = "Refund a shipped seller order in full or in part (Idempotency-Key required)")
    ResponseEntity<String> refund(@PathVariable UUID id, @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody SellerOrderController.RefundRequest request) {
        return staff.act("ops-order-refund", "order.refund", id, () -> SellerOrderController.refund(orders, id, key, request));
    }

    @PostMapping("/api/v1/ops/ledger/releases")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_FINANCE')")
    @Operation(summary = "Release now the seller funds whose return window has passed (the job does it every minute)")
    Map<String, Integer> release() {
        return Map.of("released", orders.releaseDue(1000));
    }

    @GetMapping("/api/v1/ops/ledger/verification")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_FINANCE')")
    @Operation(summary = "Check every ledger invariant; the list of what is wrong, empty when all holds")
    Map<String, Object> verify() {
        List<String> problems = io.entrepot.shared.ActorContext.callAs(io.entrepot.shared.Actor.system("ledger-verification"), ledger::verify);
        return Map.of("ok", problems.isEmpty(), "problems", problems);
    }
}
