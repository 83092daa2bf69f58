package io.entrepot.ordering.web;

import io.entrepot.ordering.Orders;
import io.entrepot.shared.ActorContext;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The seller portal's orders (ship from here) and the operator console's order search. */
@Controller
class OrderPages {

    private final Orders orders;

    private final StaffOrderAccess staff;

    OrderPages(Orders orders, StaffOrderAccess staff) {
        this.orders = orders;
        this.staff = staff;
    }

    @GetMapping("/seller/orders")
    String sellerOrders(@RequestParam(required = false) @Nullable String status, Model model) {
        model.addAttribute("orders", orders.sellerOrders(ActorContext.currentSeller(), status));
        return "ordering/seller-orders";
    }

    @PostMapping("/seller/orders/{id}/ship")
    String ship(@PathVariable UUID id) {
        orders.ship(id);
        return "redirect:/seller/orders";
    }

    @GetMapping("/console/orders")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_FINANCE', 'OPS_TRUST_SAFETY', 'OPS_LOGISTICS', 'OPS_SUPPORT')")
    String search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String status, Model model) {
        model.addAttribute("orders", staff.search(q, status, null, 100));
        model.addAttribute("query", q == null ? "" : q);
        model.addAttribute("status", status == null ? "" : status);
        return "ordering/console-orders";
    }

    @GetMapping("/console/orders/{id}")
    @PreAuthorize("hasAnyRole('OPS_ADMIN', 'OPS_FINANCE', 'OPS_TRUST_SAFETY', 'OPS_LOGISTICS', 'OPS_SUPPORT')")
    String order(@PathVariable UUID id, Model model) {
        model.addAttribute("order", staff.order(id));
        return "ordering/console-order";
    }
}
