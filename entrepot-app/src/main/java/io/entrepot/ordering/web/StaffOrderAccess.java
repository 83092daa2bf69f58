package io.entrepot.ordering.web;

import io.entrepot.governance.AccessGrants;
import io.entrepot.governance.AccessLog;
import io.entrepot.governance.AccessScope;
import io.entrepot.ordering.OrderView;
import io.entrepot.ordering.Orders;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.SellerId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How operator staff reach orders. Reading: a buyer's order is visible to staff, but each seller's
 * part of it only under a live grant of scope {@code orders} on that seller, and every part shown is
 * written to that seller's access log. Acting on one seller order (record a delivery, cancel,
 * refund) is a step of the order's lifecycle: it runs under a named system purpose and is written to
 * the seller's log, with the operator's name, before it is done.
 */
@Component
class StaffOrderAccess {

    private final Orders orders;
    private final AccessGrants grants;
    private final AccessLog log;
    private final TransactionTemplate tx;

    StaffOrderAccess(Orders orders, AccessGrants grants, AccessLog log, TransactionTemplate tx) {
        this.orders = orders;
        this.grants = grants;
        this.log = log;
        this.tx = tx;
    }

    List<OrderView> search(@Nullable String q, @Nullable String status, @Nullable String market, int limit) {
        return grants.readAcross(AccessScope.ORDERS, "order.search", () -> orders.search(q, status, market, limit),
                found -> parts(found.stream().flatMap(o -> o.sellerOrders().stream())));
    }

    OrderView order(UUID id) {
        return grants.readAcross(AccessScope.ORDERS, "order.view", () -> orders.order(id), found -> parts(found.sellerOrders().stream()));
    }

    private static Map<SellerId, Collection<UUID>> parts(Stream<OrderView.SellerOrder> sellerOrders) {
        return sellerOrders.collect(Collectors.groupingBy(so -> new SellerId(so.sellerId()), java.util.LinkedHashMap::new,
                Collectors.mapping(OrderView.SellerOrder::id, Collectors.toCollection(java.util.ArrayList::new))));
    }

    /** Does {@code action} on one seller order under {@code purpose}, logged first in the seller's access log. */
    <T> T act(String purpose, String operation, UUID sellerOrderId, Supplier<T> action) {
        String by = ActorContext.currentName();
        Actor system = Actor.system(purpose);
        ActorContext.runAs(system, () -> tx.executeWithoutResult(s -> {
            var sellerOrder = orders.sellerOrder(sellerOrderId);
            log.recordSystem(new SellerId(sellerOrder.sellerId()), operation, List.of(sellerOrderId), by);
        }));
        return ActorContext.callAs(system, action);
    }
}
