package io.entrepot.ordering;

import io.entrepot.ledger.Ledger;
import io.entrepot.logistics.Shipments;
import io.entrepot.market.ExchangeRates;
import io.entrepot.market.Markets;
import io.entrepot.market.MarketCode;
import io.entrepot.ordering.Quote.Amount;
import io.entrepot.ordering.internal.Answers;
import io.entrepot.ordering.internal.IdempotencyKeys;
import io.entrepot.ordering.internal.OrderAccounting;
import io.entrepot.ordering.internal.OrderStore;
import io.entrepot.ordering.internal.PaymentProvider;
import io.entrepot.ordering.internal.RefundSplit;
import io.entrepot.catalog.Inventory;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * An order's life after placement: capture when the seller ships, delivery, release of the seller's
 * funds after the market's return window, cancellation before shipment (stock back, authorization
 * voided), refunds (provider refund, commission and fees given back by rule, ledger entry) and the
 * recovery of provider calls interrupted by a crash. Reads run as the current actor, so row-level
 * security decides what a seller or buyer sees; money-moving work runs under a named system purpose.
 */
@Service
public class Orders {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final OrderStore store;
    private final Checkout checkout;
    private final Inventory inventory;
    private final Ledger ledger;
    private final ExchangeRates rates;
    private final Markets markets;
    private final IdempotencyKeys keys;
    private final PaymentProvider provider;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final io.entrepot.ordering.internal.FaultInjection faults;
    private final Shipments shipments;

    Orders(OrderStore store, Checkout checkout, Inventory inventory, Ledger ledger, ExchangeRates rates, Markets markets, IdempotencyKeys keys,
            PaymentProvider provider, TransactionTemplate tx, Clock clock, io.entrepot.ordering.internal.FaultInjection faults, Shipments shipments) {
        this.shipments = shipments;
        this.faults = faults;
        this.store = store;
        this.checkout = checkout;
        this.inventory = inventory;
        this.ledger = ledger;
        this.rates = rates;
        this.markets = markets;
        this.keys = keys;
        this.provider = provider;
        this.tx = tx;
        this.clock = clock;
    }

    // Reading

    public OrderView order(UUID id) {
        return read(() -> view(store, id));
    }

    public List<OrderView> ordersOfBuyer(UUID buyerUserId) {
        return read(() -> store.ordersOfBuyer(buyerUserId, 100).stream().map(o -> view(store, o.id())).toList());
    }

    public List<OrderView> search(@Nullable String text, @Nullable String status, @Nullable String market, int limit) {
        return read(() -> store.search(blankToNull(text), blankToNull(status), blankToNull(market), Math.min(Math.max(limit, 1), 200)).stream()
                .map(o -> view(store, o.id())).toList());
    }

    public List<OrderView.SellerOrder> sellerOrders(SellerId seller, @Nullable String status) {
        return read(() -> sellerOrderViews(store, store.sellerOrdersOfSeller(seller.value(), blankToNull(status), 200)));
    }

    public OrderView.SellerOrder sellerOrder(UUID id) {
        return read(() -> store.sellerOrder(id).map(s -> sellerOrderView(store, s)).orElseThrow(() -> new NotFoundException("seller order", id)));
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        var readOnly = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        readOnly.setReadOnly(true);
        return readOnly.execute(s -> work.get());
    }

    static OrderView view(OrderStore store, UUID id) {
        var o = store.order(id).orElseThrow(() -> new NotFoundException("order", id));
        return view(store, o, store.sellerOrdersOf(id));
    }

    /** The view of an order whose rows the caller already has (its lines are read). */
    static OrderView view(OrderStore store, OrderStore.OrderRow o, List<OrderStore.SellerOrderRow> sellerOrders) {
        return view(o, sellerOrders, store.lines(sellerOrders.stream().map(OrderStore.SellerOrderRow::id).toList()));
    }

    /** The view of an order whose rows and lines (by seller order) the caller already has. */
    static OrderView view(OrderStore.OrderRow o, List<OrderStore.SellerOrderRow> sellerOrders, Map<UUID, List<OrderStore.LineRow>> lines) {
        CurrencyCode c = CurrencyCode.of(o.currency());
        return new OrderView(o.id(), o.market(), o.currency(), o.status(), o.email(), amount(o.itemsMinor(), c), amount(o.shippingMinor(), c),
                amount(o.dutyTaxMinor(), c), amount(o.totalMinor(), c), amount(o.borderEstimateMinor(), c), o.dutyUnknown(), o.createdAt(),
                sellerOrders.stream().map(s -> sellerOrderView(s, lines.getOrDefault(s.id(), List.of()))).toList());
    }

    /** Views of several seller orders, their lines read in one statement. */
    static List<OrderView.SellerOrder> sellerOrderViews(OrderStore store, List<OrderStore.SellerOrderRow> rows) {
        var lines = store.lines(rows.stream().map(OrderStore.SellerOrderRow::id).toList());
        return rows.stream().map(s -> sellerOrderView(s, lines.getOrDefault(s.id(), List.of()))).toList();
    }

    static OrderView.SellerOrder sellerOrderView(OrderStore store, OrderStore.SellerOrderRow s) {
        return sellerOrderView(s, store.lines(s.id()));
    }

    private static OrderView.SellerOrder sellerOrderView(OrderStore.SellerOrderRow s, List<OrderStore.LineRow> lines) {
        CurrencyCode c = CurrencyCode.of(s.currency());
        CurrencyCode p = CurrencyCode.of(s.payoutCurrency());
        return new OrderView.SellerOrder(s.id(), s.orderId(), s.sellerId(), s.sellerName(), s.market(), s.status(), s.originCountry(),
                s.carrierService(), amount(s.goodsMinor(), c), amount(s.shippingMinor(), c), amount(s.dutyMinor(), c), amount(s.taxMinor(), c),
                amount(s.totalMinor(), c), amount(s.commissionMinor(), c), amount(s.paymentFeeMinor(), c), s.paymentFeeRule(), s.payoutCurrency(),
                s.fxRate(), s.netPayoutMinor() == null ? null : amount(s.netPayoutMinor(), p), amount(s.refundedMinor(), c), s.shippedAt(),
                s.deliveredAt(), s.releaseDueAt(), s.releasedAt(), s.createdAt(),
                lines.stream().map(l -> new OrderView.Line(l.id(), l.offerId(), l.skuId(), l.skuCode(), l.title(), l.quantity(),
                        amount(l.unitPriceMinor(), c), amount(l.commissionMinor(), c), l.commissionRule())).toList());
    }

    private static Amount amount(long minor, CurrencyCode currency) {
        return Amount.of(new Money(minor, currency));
    }

    // Capture on shipment

    /** The seller ships (with a tracking number of ours): see {@link #ship(UUID, String)}. */
    public OrderView.SellerOrder ship(UUID sellerOrderId) {
        return ship(sellerOrderId, null);
    }

    /**
     * The seller ships: the seller order's share of the authorization is captured and booked, and its
     * outbound shipment created (with the seller's tracking number, or one of ours); a repeat does nothing.
     */
    public OrderView.SellerOrder ship(UUID sellerOrderId, @Nullable String trackingNumber) {
        if (trackingNumber != null && !trackingNumber.matches("[A-Za-z0-9-]{4,40}")) {
            throw new IllegalArgumentException("a tracking number has 4 to 40 letters, digits or dashes");
        }
        sellerOrder(sellerOrderId);
        String key = "seller-order:" + sellerOrderId + ":capture";
        String ref = ActorContext.callAs(Actor.system("order-capture"), () -> tx.execute(s -> {
            var so = store.lockSellerOrder(sellerOrderId).orElseThrow();
            if (List.of("shipped", "delivered", "released").contains(so.status())) {
                return null;
            }
            if (!so.status().equals("placed")) {
                throw new ConflictException("not-shippable", "seller order " + sellerOrderId + " is " + so.status() + " and cannot be shipped");
            }
            var payment = store.paymentOfOrder(so.orderId()).orElseThrow();
            store.startCall(key, payment.id(), "capture", sellerOrderId, so.totalMinor(), clock.instant());
            return payment.providerRef();
        }));
        if (ref != null) {
            var so = sellerOrder(sellerOrderId);
            var result = provider.capture(key, ref, so.total().money());
            faults.afterProviderCapture(key);
            if (!completeCapture(sellerOrderId, key, result)) {
                throw new ConflictException("capture-failed", "the payment provider refused the capture: " + result.outcome());
            }
        }
        var shipped = sellerOrder(sellerOrderId);
        shipments.dispatch(new Shipments.Dispatch(sellerOrderId, new SellerId(shipped.sellerId()), shipped.originCountry(), shipped.market(),
                shipped.carrierService(), trackingNumber));
        return shipped;
    }

    private boolean completeCapture(UUID sellerOrderId, String key, PaymentProvider.Result result) {
        return ActorContext.callAs(Actor.system("order-capture"), () -> tx.execute(s -> {
            var so = store.lockSellerOrder(sellerOrderId).orElseThrow();
            Instant now = clock.instant();
            if (!result.approved()) {
                store.finishCall(key, "failed", result.outcome(), now);
                return false;
            }
            store.finishCall(key, "succeeded", result.outcome(), now);
            if (!so.status().equals("placed")) {
                return true;
            }
            CurrencyCode c = CurrencyCode.of(so.currency());
            CurrencyCode p = CurrencyCode.of(so.payoutCurrency());
            // The rate is recorded with 15 decimals (ledger and seller order); convert with exactly what is recorded.
            BigDecimal rate = rates.current(c, p).rate().setScale(15, RoundingMode.HALF_UP);
            Money goods = new Money(so.goodsMinor(), c);
            Money commission = new Money(so.commissionMinor(), c);
            Money fee = new Money(so.paymentFeeMinor(), c);
            Money net = goods.minus(commission).minus(fee);
            Money netPayout = net.converted(rate, p, RoundingMode.HALF_UP);
            store.markShipped(sellerOrderId, rate, netPayout.minor(), now);
            if (so.totalMinor() > 0) {
                ledger.post(OrderAccounting.captured(new OrderAccounting.Capture(so.id().toString(), so.market(), provider.name(),
                        so.carrierService(), new SellerId(so.sellerId()), new Money(so.totalMinor(), c), new Money(so.dutyMinor() + so.taxMinor(), c),
                        new Money(so.shippingMinor(), c), commission, fee, net, netPayout, rate)));
            }
            return true;
        }));
    }

    // Delivery and release

    /** The parcel was delivered: the market's return window starts. */
    public OrderView.SellerOrder deliver(UUID sellerOrderId) {
        sellerOrder(sellerOrderId);
        ActorContext.runAs(Actor.system("order-delivery"), () -> tx.executeWithoutResult(s -> {
            var so = store.lockSellerOrder(sellerOrderId).orElseThrow();
            if (so.status().equals("delivered") || so.status().equals("released")) {
                return;
            }
            if (!so.status().equals("shipped")) {
                throw new ConflictException("not-delivered", "seller order " + sellerOrderId + " is " + so.status() + ", not shipped");
            }
            Instant now = clock.instant();
            int window = markets.get(MarketCode.of(so.market())).returnWindowDays();
            store.markDelivered(sellerOrderId, now, now.plus(Duration.ofDays(window)));
        }));
        return sellerOrder(sellerOrderId);
    }

    /** Makes the funds of delivered seller orders whose return window has passed available; the number released. */
    public int releaseDue(int limit) {
        return ActorContext.callAs(Actor.system("seller-funds-release"), () -> tx.execute(s -> {
            int released = 0;
            Instant now = clock.instant();
            for (UUID id : store.dueForRelease(now, limit)) {
                var so = store.sellerOrder(id).orElseThrow();
                long pending = so.netPayoutMinor() == null ? 0 : so.netPayoutMinor() - store.sellerPartRefunded(id);
                if (pending > 0) {
                    ledger.post(OrderAccounting.released(id.toString(), new SellerId(so.sellerId()), new Money(pending, CurrencyCode.of(so.payoutCurrency()))));
                }
                store.markReleased(id, now);
                released++;
            }
            return released;
        }));
    }

    // Cancellation

    /** Cancels a seller order before shipment: its stock goes back, its share of the authorization is voided. */
    public OrderView.SellerOrder cancel(UUID sellerOrderId, String reason) {
        return cancel(sellerOrderId, reason, "seller-order:" + sellerOrderId + ":void");
    }

    /** Cancels with the key the payment provider's void is made under (a remediation derives its own). */
    public OrderView.SellerOrder cancel(UUID sellerOrderId, String reason, String voidKey) {
        sellerOrder(sellerOrderId);
        String key = voidKey;
        String ref = ActorContext.callAs(Actor.system("order-cancellation"), () -> tx.execute(s -> {
            var so = store.lockSellerOrder(sellerOrderId).orElseThrow();
            if (so.status().equals("cancelled")) {
                return null;
            }
            if (!so.status().equals("placed")) {
                throw new ConflictException("not-cancellable", "seller order " + sellerOrderId + " is " + so.status()
                        + "; only a placed, unshipped seller order can be cancelled (refund it instead)");
            }
            Instant now = clock.instant();
            inventory.release(sellerOrderId);
            store.setSellerOrderStatus(sellerOrderId, "cancelled", now);
            var payment = store.paymentOfOrder(so.orderId()).orElseThrow();
            if (so.totalMinor() > 0) {
                ledger.post(OrderAccounting.voided(sellerOrderId.toString(), so.market(), provider.name(), new Money(so.totalMinor(), CurrencyCode.of(so.currency()))));
                store.startCall(key, payment.id(), "void", sellerOrderId, so.totalMinor(), now);
                return payment.providerRef();
            }
            return null;
        }));
        if (ref != null) {
            var so = sellerOrder(sellerOrderId);
            var result = provider.voidAuthorization(key, ref, so.total().money());
            ActorContext.runAs(Actor.system("order-cancellation"), () -> tx.executeWithoutResult(s ->
                    store.finishCall(key, result.approved() ? "succeeded" : "failed", result.outcome(), clock.instant())));
        }
        return sellerOrder(sellerOrderId);
    }

    // Refunds

    /** The answer to a refund request: HTTP status and body, also when replayed. */
    public record RefundResult(int status, String body) {
    }

    /** What the first transaction of a refund decided: answer from an earlier request, or call the provider. */
    private sealed interface RefundStart {
        record Replayed(RefundResult result) implements RefundStart {
        }

        record Started(UUID refundId, String paymentRef, Money amount) implements RefundStart {
        }
    }

    public RefundResult refund(UUID sellerOrderId, @Nullable BigDecimal amount, String reason, String idempotencyKey, String requestHash) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("a refund needs a reason of 1 to 500 characters");
        }
        sellerOrder(sellerOrderId);
        String by = ActorContext.currentName();
        RefundStart started = ActorContext.callAs(Actor.system("refund"), () -> tx.execute(s -> {
            var replay = keys.claim("refund:" + sellerOrderId, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return new RefundStart.Replayed(new RefundResult(replay.get().status(), replay.get().body()));
            }
            var so = store.lockSellerOrder(sellerOrderId).orElseThrow();
            if (!List.of("shipped", "delivered", "released").contains(so.status())) {
                throw new ConflictException("not-captured", "seller order " + sellerOrderId + " is " + so.status()
                        + "; only captured (shipped) seller orders are refunded — cancel a placed one");
            }
            CurrencyCode c = CurrencyCode.of(so.currency());
            OrderStore.Refunded before = store.refunded(sellerOrderId);
            long remaining = so.totalMinor() - before.amount();
            Money r = amount == null ? new Money(remaining, c) : Money.of(amount, c);
            if (r.minor() <= 0) {
                throw new IllegalArgumentException(remaining == 0 ? "nothing is left to refund" : "a refund amount is positive");
            }
            if (r.minor() > remaining) {
                throw new ConflictException("over-refund", "refund of " + r + " exceeds the " + new Money(remaining, c) + " left to refund");
            }
            CurrencyCode p = CurrencyCode.of(so.payoutCurrency());
            RefundSplit split = RefundSplit.of(r, so, before);
            long sellerPartPayout = split.sellerPartPayout(so, before, r.minor() == remaining).minor();
            var takenFrom = so.status().equals("released") ? OrderAccounting.sellerAvailable(new SellerId(so.sellerId()), p)
                    : OrderAccounting.sellerPending(new SellerId(so.sellerId()), p);
            if (so.status().equals("released")) {
                ledger.lock(takenFrom);
            }
            if (so.status().equals("released") && -ledger.balance(takenFrom).minor() < sellerPartPayout) {
                throw new ConflictException("insufficient-seller-balance", "the seller's available balance does not cover "
                        + new Money(sellerPartPayout, p) + "; an operator must settle it");
            }
            UUID refundId = Ids.newId(clock);
            Instant now = clock.instant();
            store.insertRefund(new OrderStore.RefundRow(refundId, sellerOrderId, so.sellerId(), r.minor(), so.currency(), split.goods().minor(),
                    split.shipping().minor(), split.dutyAndTax().minor(), split.feesBack().minor(), sellerPartPayout, "pending", reason.strip(), now),
                    by);
            var payment = store.paymentOfOrder(so.orderId()).orElseThrow();
            store.startCall("refund:" + refundId, payment.id(), "refund", refundId, r.minor(), now);
            keys.bindOrder("refund:" + sellerOrderId, idempotencyKey, refundId);
            return new RefundStart.Started(refundId, java.util.Objects.requireNonNull(payment.providerRef()), r);
        }));
        return switch (started) {
            case RefundStart.Replayed replayed -> replayed.result();
            case RefundStart.Started refund -> completeRefund(refund.refundId(),
                    provider.refund("refund:" + refund.refundId(), refund.paymentRef(), refund.amount()));
        };
    }

    private RefundResult completeRefund(UUID refundId, PaymentProvider.Result result) {
        return ActorContext.callAs(Actor.system("refund"), () -> tx.execute(s -> {
            var refund = store.refund(refundId).orElseThrow();
            if (!refund.status().equals("pending")) {
                return new RefundResult(refund.status().equals("refunded") ? 201 : 409, "");
            }
            Instant now = clock.instant();
            String key = "refund:" + refundId;
            var so = store.lockSellerOrder(refund.sellerOrderId()).orElseThrow();
            int status;
            String body;
            if (result.approved()) {
                UUID entry = ledger.post(OrderAccounting.refunded(refund, so, provider.name()));
                store.finishRefund(refundId, "refunded", entry);
                store.addRefunded(so.id(), refund.amountMinor(), now);
                store.finishCall(key, "succeeded", result.outcome(), now);
                status = 201;
                body = Answers.refunded(refund, so);
            } else {
                store.finishRefund(refundId, "failed", null);
                store.finishCall(key, "failed", result.outcome(), now);
                status = 409;
                body = Answers.refundRefused(result.outcome());
            }
            keys.completeForOrder(refundId, status, body);
            return new RefundResult(status, body);
        }));
    }

    // Recovery

    /** Repeats provider calls left unfinished by a crash, with their stored keys; the number finished. */
    public int recoverProviderCalls(Duration olderThan) {
        List<OrderStore.CallRow> calls = ActorContext.callAs(Actor.system("payment-recovery"),
                () -> tx.execute(s -> store.unfinishedCalls(clock.instant().minus(olderThan), 100)));
        int done = 0;
        for (OrderStore.CallRow call : calls) {
            var payment = ActorContext.callAs(Actor.system("payment-recovery"), () -> tx.execute(s -> store.payment(call.paymentId()).orElseThrow()));
            switch (call.operation()) {
                case "authorize" -> checkout.finish(call.sourceId(), provider.authorize(call.key(), payment.token(),
                        new Money(call.amountMinor(), CurrencyCode.of(payment.currency()))));
                case "capture" -> completeCapture(call.sourceId(), call.key(), provider.capture(call.key(), Optional.ofNullable(payment.providerRef()).orElse(""),
                        new Money(call.amountMinor(), CurrencyCode.of(payment.currency()))));
                case "refund" -> completeRefund(call.sourceId(), provider.refund(call.key(), Optional.ofNullable(payment.providerRef()).orElse(""),
                        new Money(call.amountMinor(), CurrencyCode.of(payment.currency()))));
                case "void" -> {
                    var result = provider.voidAuthorization(call.key(), Optional.ofNullable(payment.providerRef()).orElse(""),
                            new Money(call.amountMinor(), CurrencyCode.of(payment.currency())));
                    ActorContext.runAs(Actor.system("payment-recovery"), () -> tx.executeWithoutResult(s ->
                            store.finishCall(call.key(), result.approved() ? "succeeded" : "failed", result.outcome(), clock.instant())));
                }
                default -> throw new IllegalStateException("unknown provider operation " + call.operation());
            }
            done++;
        }
        return done;
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
