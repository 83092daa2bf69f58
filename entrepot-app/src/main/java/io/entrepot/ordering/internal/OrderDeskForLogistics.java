package io.entrepot.ordering.internal;

import io.entrepot.logistics.OrderDesk;
import io.entrepot.ordering.Orders;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** The orders as logistics sees them: its port implemented over the order store and {@link Orders}. */
@Component
class OrderDeskForLogistics implements OrderDesk {

    private final OrderStore store;
    private final Orders orders;
    private final io.entrepot.catalog.Inventory inventory;
    private final TransactionTemplate tx;

    private static final org.apache.commons.logging.Log log = org.apache.commons.logging.LogFactory.getLog(OrderDeskForLogistics.class);

    private final BulkRefunds bulk;

    OrderDeskForLogistics(OrderStore store, Orders orders, io.entrepot.catalog.Inventory inventory, TransactionTemplate tx, BulkRefunds bulk) {
        this.bulk = bulk;
        this.store = store;
        this.orders = orders;
        this.inventory = inventory;
        this.tx = tx;
    }

    @Override
    public List<SellerOrder> awaitingShipment(Collection<LaneRef> lanes) {
        return tx.execute(s -> view(store.placedOnLanes(lanes.stream()
                .map(l -> new Object[] {l.originCountry(), l.market(), l.carrierService()}).toList())));
    }

    /** At most this many ids per query (one array parameter; batches keep each transaction and result modest). */
    private static final int BATCH = 20_000;

    @Override
    public List<SellerOrder> find(Collection<UUID> sellerOrderIds) {
        List<UUID> ids = List.copyOf(sellerOrderIds);
        List<SellerOrder> found = new java.util.ArrayList<>(ids.size());
        for (int from = 0; from < ids.size(); from += BATCH) {
            List<UUID> batch = ids.subList(from, Math.min(ids.size(), from + BATCH));
            found.addAll(tx.execute(s -> view(store.sellerOrders(batch))));
        }
        return found;
    }

    private List<SellerOrder> view(List<OrderStore.SellerOrderRow> rows) {
        Map<UUID, String> emails = store.emails(rows.stream().map(OrderStore.SellerOrderRow::orderId).distinct().toList());
        return rows.stream().map(r -> {
            CurrencyCode c = CurrencyCode.of(r.currency());
            return new SellerOrder(r.id(), r.orderId(), r.sellerId(), r.sellerName(), r.status(), r.market(), r.originCountry(), r.carrierService(),
                    new Money(r.totalMinor(), c), new Money(r.shippingMinor(), c), new Money(r.refundedMinor(), c),
                    emails.getOrDefault(r.orderId(), ""), r.createdAt());
        }).toList();
    }

    @Override
    public Outcome remedy(UUID sellerOrderId, String keyPrefix, int attempt, String reason) {
        var so = tx.execute(s -> store.sellerOrder(sellerOrderId)).orElseThrow();
        Money zero = Money.zero(CurrencyCode.of(so.currency()));
        switch (so.status()) {
            case "placed", "cancelled" -> {
                orders.cancel(sellerOrderId, reason, keyPrefix + ":void");
                return new Outcome.Done("cancel", zero);
            }
            case "shipped" -> {
                long left = so.totalMinor() - so.refundedMinor();
                if (left == 0) {
                    // Refunded by an earlier attempt of this remedy (a crash before it was recorded), or by someone else before.
                    long ours = refundedBy(keyPrefix + ":refund", so.currency()).minor();
                    return ours > 0 ? new Outcome.Done("return", new Money(ours, CurrencyCode.of(so.currency())))
                            : new Outcome.Skipped("already refunded in full");
                }
                String key = keyPrefix + ":refund" + (attempt == 0 ? "" : ":retry-" + attempt);
                try {
                    var result = orders.refund(sellerOrderId, null, reason, key, IdempotencyKeys.hash(sellerOrderId.toString(), "in full", reason));
                    if (result.status() == 201) {
                        return new Outcome.Done("return", refundedBy(keyPrefix + ":refund", so.currency()));
                    }
                    return new Outcome.Refused("the payment provider refused the refund (HTTP " + result.status() + ")");
                } catch (ConflictException e) {
                    if (e.problemSlug().equals("request-in-progress")) {
                        return new Outcome.InProgress();
                    }
                    return new Outcome.Refused(e.getMessage());
                }
            }
            default -> {
                return new Outcome.Skipped("the seller order is " + so.status() + "; a remediation settles only unshipped or shipped, undelivered orders");
            }
        }
    }

    @Override
    public Map<UUID, Outcome> remedyAll(List<Remedy> remedies) {
        Map<UUID, Outcome> outcomes = new java.util.HashMap<>();
        try {
            outcomes.putAll(bulk.refundInFull(remedies));
        } catch (RuntimeException e) {
            // one bad order must not stop the others: each is then remedied on its own
            log.warn("bulk refund of " + remedies.size() + " seller orders failed; remedying them one by one", e);
        }
        for (Remedy r : remedies) {
            if (!outcomes.containsKey(r.sellerOrderId())) {
                Outcome outcome;
                try {
                    outcome = remedy(r.sellerOrderId(), r.keyPrefix(), r.attempt(), r.reason());
                } catch (RuntimeException e) {
                    outcome = new Outcome.Refused(String.valueOf(e.getMessage()));
                }
                outcomes.put(r.sellerOrderId(), outcome);
            }
        }
        return outcomes;
    }

    /** What the refunds made under this key and its retries' keys returned to the buyer. */
    private Money refundedBy(String idempotencyKey, String currency) {
        return tx.execute(s -> new Money(store.refundedUnderKey(idempotencyKey), CurrencyCode.of(currency)));
    }

    @Override
    public void delivered(UUID sellerOrderId) {
        var so = store.sellerOrder(sellerOrderId).orElseThrow();
        if (so.status().equals("shipped") && so.refundedMinor() < so.totalMinor()) {
            orders.deliver(sellerOrderId);
        }
    }

    @Override
    public int restock(UUID sellerOrderId) {
        return inventory.release(sellerOrderId);
    }
}
