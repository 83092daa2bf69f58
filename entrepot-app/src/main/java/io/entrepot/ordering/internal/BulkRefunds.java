package io.entrepot.ordering.internal;

import io.entrepot.ledger.Ledger;
import io.entrepot.logistics.OrderDesk;
import io.entrepot.logistics.OrderDesk.Outcome;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Full refunds of many shipped seller orders at once, for remediation runs: the same decisions, rows
 * and journal entries as a refund in full through {@code Orders.refund} under the remedy's key, but
 * in two transactions and one batch request to the payment provider per chunk instead of three
 * transactions and one request per order, and with set-based statements (a chunk of a few hundred
 * orders costs about as many statements as one order did).
 *
 * <p>Crash safety is the single path's: the first transaction claims each order's key
 * ({@code <prefix>:refund}, or {@code …:retry-n} on the n-th retry), writes the pending refund and
 * records the provider call before the provider is asked; the provider does each key once; the
 * second transaction books what the provider answered. A crash between them leaves pending refunds
 * that the next attempt (or the provider-call recovery) asks again under the same keys.
 */
@Component
class BulkRefunds {

    private static final Actor REFUND = Actor.system("refund");

    private final JdbcClient jdbc;
    private final OrderStore store;
    private final Ledger ledger;
    private final PaymentProvider provider;
    private final TransactionTemplate tx;
    private final Clock clock;

    BulkRefunds(JdbcClient jdbc, OrderStore store, Ledger ledger, PaymentProvider provider, TransactionTemplate tx, Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.ledger = ledger;
        this.provider = provider;
        this.tx = tx;
        this.clock = clock;
    }

    /** A refund the provider is to be asked for (new, or left pending by an earlier attempt). */
    private record Ask(UUID refundId, UUID sellerOrderId, String key, String paymentRef, Money amount, long earlierOurs) {
    }

    /** What the first transaction decided: outcomes known already, and the refunds to ask for. */
    private record Decided(Map<UUID, Outcome> outcomes, List<Ask> asks) {
    }

    /**
     * Refunds in full what is left of each shipped seller order; the outcome per seller order. Orders
     * not shipped are the caller's (they are cancelled, not refunded) and get no outcome here.
     */
    Map<UUID, Outcome> refundInFull(List<OrderDesk.Remedy> remedies) {
        if (remedies.isEmpty()) {
            return Map.of();
        }
        String by = ActorContext.currentName();
        Decided decided = ActorContext.callAs(REFUND, () -> tx.execute(s -> decide(remedies, by)));
        Map<UUID, Outcome> outcomes = new HashMap<>(Objects.requireNonNull(decided).outcomes());
        if (!decided.asks().isEmpty()) {
            List<PaymentProvider.Result> answers = provider.refundAll(decided.asks().stream()
                    .map(a -> new PaymentProvider.RefundCall("refund:" + a.refundId(), a.paymentRef(), a.amount())).toList());
            outcomes.putAll(Objects.requireNonNull(ActorContext.callAs(REFUND, () -> tx.execute(s -> book(decided.asks(), answers)))));
        }
        return outcomes;
    }

    private Decided decide(List<OrderDesk.Remedy> remedies, String by) {
        keyLookups();
        Instant now = clock.instant();
        Map<UUID, OrderDesk.Remedy> byOrder = new HashMap<>();
        remedies.forEach(r -> byOrder.put(r.sellerOrderId(), r));
        List<OrderStore.SellerOrderRow> orders = lock(byOrder.keySet());
        Map<UUID, OrderStore.Refunded> refunded = refundedOf(byOrder.keySet());
        Map<UUID, List<KeyRow>> keysOf = remedyKeys(byOrder.keySet());
        Map<UUID, String> paymentRefs = paymentRefs(orders.stream().map(OrderStore.SellerOrderRow::orderId).distinct().toList());
        Map<UUID, Outcome> outcomes = new HashMap<>();
        List<Ask> asks = new ArrayList<>();
        List<NewRefund> fresh = new ArrayList<>();
        for (OrderStore.SellerOrderRow so : orders) {
            if (!so.status().equals("shipped")) {
                continue;
            }
            OrderDesk.Remedy remedy = byOrder.get(so.id());
            String prefix = remedy.keyPrefix() + ":refund";
            String key = prefix + (remedy.attempt() == 0 ? "" : ":retry-" + remedy.attempt());
            List<KeyRow> ours = keysOf.getOrDefault(so.id(), List.of()).stream()
                    .filter(k -> k.key().equals(prefix) || k.key().startsWith(prefix + ":")).toList();
            long oursRefunded = ours.stream().filter(k -> "refunded".equals(k.refundStatus())).mapToLong(KeyRow::amount).sum();
            CurrencyCode c = CurrencyCode.of(so.currency());
            KeyRow attempt = ours.stream().filter(k -> k.key().equals(key)).findFirst().orElse(null);
            if (attempt != null) {
                // this attempt ran before: its refund is done, refused, or waits for the provider's answer
                switch (String.valueOf(attempt.refundStatus())) {
                    case "refunded" -> outcomes.put(so.id(), new Outcome.Done("return", new Money(oursRefunded, c)));
                    case "failed" -> outcomes.put(so.id(), new Outcome.Refused("the payment provider refused the refund (HTTP 409)"));
                    case "pending" -> asks.add(new Ask(Objects.requireNonNull(attempt.refundId()), so.id(), key, paymentRefs.get(so.orderId()),
                            new Money(attempt.amount(), c), oursRefunded));
                    default -> outcomes.put(so.id(), new Outcome.InProgress());
                }
                continue;
            }
            OrderStore.Refunded before = refunded.getOrDefault(so.id(), NOTHING);
            long remaining = so.totalMinor() - before.amount();
            if (remaining == 0) {
                // refunded by an earlier attempt of this remedy (a crash before it was recorded), or by someone else before
                outcomes.put(so.id(), oursRefunded > 0 ? new Outcome.Done("return", new Money(oursRefunded, c)) : new Outcome.Skipped("already refunded in full"));
                continue;
            }
            Money r = new Money(remaining, c);
            RefundSplit split = RefundSplit.of(r, so, before);
            long sellerPartPayout = split.sellerPartPayout(so, before, true).minor();
            UUID refundId = Ids.newId(clock);
            fresh.add(new NewRefund(so, new OrderStore.RefundRow(refundId, so.id(), so.sellerId(), r.minor(), so.currency(), split.goods().minor(),
                    split.shipping().minor(), split.dutyAndTax().minor(), split.feesBack().minor(), sellerPartPayout, "pending", remedy.reason().strip(), now),
                    key, IdempotencyKeys.hash(so.id().toString(), "in full", remedy.reason())));
            asks.add(new Ask(refundId, so.id(), key, paymentRefs.get(so.orderId()), r, oursRefunded));
        }
        insert(fresh, by, now);
        return new Decided(outcomes, asks);
    }

    private static final OrderStore.Refunded NOTHING = new OrderStore.Refunded(0, 0, 0, 0, 0, 0);

    private record NewRefund(OrderStore.SellerOrderRow order, OrderStore.RefundRow refund, String key, String requestHash) {
    }

    /** Writes the new refunds, their keys (bound to them) and their provider calls: one statement each. */
    private void insert(List<NewRefund> fresh, String by, Instant now) {
        if (fresh.isEmpty()) {
            return;
        }
        Timestamp at = Timestamp.from(now);
        jdbc.sql("""
                insert into ordering.idempotency_key (scope, key, request_hash, state, resource_id, created_at, expires_at)
                select 'refund:' || u.so, u.key, u.hash, 'running', cast(u.refund as uuid), :now, :expires
                from unnest(cast(:orders as text[]), cast(:keys as text[]), cast(:hashes as text[]), cast(:refunds as text[])) as u (so, key, hash, refund)
                """).param("orders", strings(fresh, f -> f.order().id())).param("keys", strings(fresh, NewRefund::key))
                .param("hashes", strings(fresh, NewRefund::requestHash)).param("refunds", strings(fresh, f -> f.refund().id()))
                .param("now", at).param("expires", Timestamp.from(now.plus(IdempotencyKeys.KEPT))).update();
        jdbc.sql("""
                insert into ordering.refund (id, seller_order_id, seller_id, amount_minor, currency, goods_part, shipping_part, duty_tax_part,
                    fees_back, seller_part, status, reason, created_by, created_at)
                select cast(u.id as uuid), cast(u.so as uuid), cast(u.seller as uuid), u.amount, u.currency, u.goods, u.shipping, u.duty_tax, u.fees_back,
                       u.seller_part, 'pending', u.reason, :by, :now
                from unnest(cast(:ids as text[]), cast(:orders as text[]), cast(:sellers as text[]), cast(:amounts as bigint[]), cast(:currencies as text[]),
                            cast(:goods as bigint[]), cast(:shipping as bigint[]), cast(:dutyTax as bigint[]), cast(:feesBack as bigint[]),
                            cast(:sellerParts as bigint[]), cast(:reasons as text[]))
                     as u (id, so, seller, amount, currency, goods, shipping, duty_tax, fees_back, seller_part, reason)
                """).param("ids", strings(fresh, f -> f.refund().id())).param("orders", strings(fresh, f -> f.order().id()))
                .param("sellers", strings(fresh, f -> f.refund().sellerId())).param("amounts", longs(fresh, f -> f.refund().amountMinor()))
                .param("currencies", strings(fresh, f -> f.refund().currency())).param("goods", longs(fresh, f -> f.refund().goodsPart()))
                .param("shipping", longs(fresh, f -> f.refund().shippingPart())).param("dutyTax", longs(fresh, f -> f.refund().dutyTaxPart()))
                .param("feesBack", longs(fresh, f -> f.refund().feesBack())).param("sellerParts", longs(fresh, f -> f.refund().sellerPart()))
                .param("reasons", strings(fresh, f -> f.refund().reason())).param("by", by).param("now", at).update();
        jdbc.sql("""
                with started as (
                    insert into ordering.provider_call (key, payment_id, operation, source_id, amount_minor, state, created_at, updated_at)
                    select 'refund:' || u.refund, p.id, 'refund', cast(u.refund as uuid), u.amount, 'started', :now, :now
                    from unnest(cast(:refunds as text[]), cast(:orders as uuid[]), cast(:amounts as bigint[])) as u (refund, buyer_order, amount)
                    join ordering.payment p on p.order_id = u.buyer_order
                    returning key, created_at)
                """ + OrderStore.OPEN_STARTED)
                .param("refunds", strings(fresh, f -> f.refund().id())).param("orders", strings(fresh, f -> f.order().orderId()))
                .param("amounts", longs(fresh, f -> f.refund().amountMinor())).param("now", at).update();
    }

    /** Books the provider's answers: journal entries, refunds finished, amounts refunded, calls and keys completed. */
    private Map<UUID, Outcome> book(List<Ask> asks, List<PaymentProvider.Result> answers) {
        keyLookups();
        Instant now = clock.instant();
        Map<UUID, OrderStore.SellerOrderRow> orders = new HashMap<>();
        lock(asks.stream().map(Ask::sellerOrderId).toList()).forEach(o -> orders.put(o.id(), o));
        Map<UUID, OrderStore.RefundRow> pending = new HashMap<>();
        jdbc.sql("select * from ordering.refund where id = any (cast(:ids as text[])::uuid[]) and status = 'pending'")
                .param("ids", asks.stream().map(a -> a.refundId().toString()).toArray(String[]::new))
                .query((rs, n) -> new OrderStore.RefundRow(rs.getObject("id", UUID.class), rs.getObject("seller_order_id", UUID.class),
                        rs.getObject("seller_id", UUID.class), rs.getLong("amount_minor"), rs.getString("currency"), rs.getLong("goods_part"),
                        rs.getLong("shipping_part"), rs.getLong("duty_tax_part"), rs.getLong("fees_back"), rs.getLong("seller_part"),
                        rs.getString("status"), rs.getString("reason"), rs.getTimestamp("created_at").toInstant()))
                .list().forEach(r -> pending.put(r.id(), r));
        Map<UUID, Outcome> outcomes = new HashMap<>();
        List<io.entrepot.ledger.JournalEntry> entries = new ArrayList<>();
        List<Booked> booked = new ArrayList<>();
        for (int i = 0; i < asks.size(); i++) {
            Ask ask = asks.get(i);
            PaymentProvider.Result answer = answers.get(i);
            OrderStore.RefundRow refund = pending.get(ask.refundId());
            if (refund == null) {
                // finished meanwhile (by the provider-call recovery): read as it ended on the next attempt
                outcomes.put(ask.sellerOrderId(), new Outcome.InProgress());
                continue;
            }
            OrderStore.SellerOrderRow so = orders.get(ask.sellerOrderId());
            if (answer.approved()) {
                entries.add(OrderAccounting.refunded(refund, so, provider.name()));
                booked.add(new Booked(refund, ask.key(), "refunded", "succeeded", answer.outcome(), 201, Answers.refunded(refund, so)));
                outcomes.put(so.id(), new Outcome.Done("return", new Money(ask.earlierOurs() + refund.amountMinor(), CurrencyCode.of(so.currency()))));
            } else {
                booked.add(new Booked(refund, ask.key(), "failed", "failed", answer.outcome(), 409, Answers.refundRefused(answer.outcome())));
                outcomes.put(so.id(), new Outcome.Refused("the payment provider refused the refund (HTTP 409)"));
            }
        }
        List<UUID> entryIds = ledger.postAll(entries);
        Map<UUID, UUID> entryOf = new HashMap<>();
        int e = 0;
        for (Booked b : booked) {
            if (b.status().equals("refunded")) {
                entryOf.put(b.refund().id(), entryIds.get(e++));
            }
        }
        if (!booked.isEmpty()) {
            Timestamp at = Timestamp.from(now);
            // Ids arrive as uuid[]: a join clause with a cast in it (not leakproof) may not be checked before the table's row
            // policies, so it could not look the refunds up by key and scanned every refund for each chunk.
            jdbc.sql("""
                    update ordering.refund r set status = u.status, entry_id = cast(nullif(u.entry, '') as uuid)
                    from unnest(cast(:ids as uuid[]), cast(:statuses as text[]), cast(:entries as text[])) as u (id, status, entry)
                    where r.id = u.id
                    """).param("ids", strings(booked, b -> b.refund().id())).param("statuses", strings(booked, Booked::status))
                    .param("entries", strings(booked, b -> entryOf.getOrDefault(b.refund().id(), null))).update();
            List<Booked> done = booked.stream().filter(b -> b.status().equals("refunded")).toList();
            jdbc.sql("""
                    update ordering.seller_order s set refunded_minor = s.refunded_minor + u.amount, updated_at = :now
                    from (select cast(so as uuid) as id, sum(amount) as amount
                          from unnest(cast(:orders as text[]), cast(:amounts as bigint[])) as x (so, amount) group by so) as u
                    where s.id = u.id
                    """).param("orders", strings(done, b -> b.refund().sellerOrderId())).param("amounts", longs(done, b -> b.refund().amountMinor()))
                    .param("now", at).update();
            jdbc.sql("""
                    with finished as (
                        update ordering.provider_call c set state = u.state, outcome = u.outcome, updated_at = :now
                        from unnest(cast(:keys as text[]), cast(:states as text[]), cast(:outcomes as text[])) as u (key, state, outcome)
                        where c.key = u.key
                        returning c.key)
                    """ + OrderStore.CLOSE_FINISHED)
                    .param("keys", strings(booked, b -> "refund:" + b.refund().id())).param("states", strings(booked, Booked::callState))
                    .param("outcomes", strings(booked, Booked::outcome)).param("now", at).update();
            jdbc.sql("""
                    update ordering.idempotency_key k set state = 'done', response_status = u.status, response_body = u.body
                    from unnest(cast(:orders as text[]), cast(:keys as text[]), cast(:statuses as int[]), cast(:bodies as text[])) as u (so, key, status, body)
                    where k.scope = 'refund:' || u.so and k.key = u.key and k.state = 'running'
                    """).param("orders", strings(booked, b -> b.refund().sellerOrderId())).param("keys", strings(booked, Booked::key)).param("statuses", booked.stream().mapToInt(Booked::httpStatus).toArray())
                    .param("bodies", strings(booked, Booked::body)).update();
        }
        return outcomes;
    }

    private record Booked(OrderStore.RefundRow refund, String key, String status, String callState, String outcome, int httpStatus, String body) {
    }

    // Reading, set-based

    /**
     * Every row this class reads or writes is found by its key. Joined to a few hundred keys, the
     * planner may still choose to scan a table whose statistics predate the rows a run just made.
     */
    private void keyLookups() {
        jdbc.sql("set local enable_seqscan = off").update();
    }

    private List<OrderStore.SellerOrderRow> lock(java.util.Collection<UUID> ids) {
        return jdbc.sql("select * from ordering.seller_order where id = any (cast(:ids as text[])::uuid[]) order by id for update")
                .param("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).query(OrderStore::sellerOrderRow).list();
    }

    private Map<UUID, OrderStore.Refunded> refundedOf(java.util.Collection<UUID> ids) {
        Map<UUID, OrderStore.Refunded> found = new HashMap<>();
        jdbc.sql("""
                select seller_order_id, sum(amount_minor), sum(goods_part), sum(shipping_part), sum(duty_tax_part), sum(fees_back), sum(seller_part)
                from ordering.refund where seller_order_id = any (cast(:ids as text[])::uuid[]) and status <> 'failed' group by seller_order_id
                """).param("ids", ids.stream().map(UUID::toString).toArray(String[]::new)).query(rs -> {
                    found.put(rs.getObject(1, UUID.class), new OrderStore.Refunded(rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6), rs.getLong(7)));
                });
        return found;
    }

    /** A refund key of a seller order and the refund it made (if any). */
    private record KeyRow(String key, String state, @Nullable UUID refundId, @Nullable String refundStatus, long amount) {
    }

    private Map<UUID, List<KeyRow>> remedyKeys(java.util.Collection<UUID> ids) {
        Map<UUID, List<KeyRow>> found = new HashMap<>();
        jdbc.sql("""
                select k.scope, k.key, k.state, r.id as refund_id, r.status, coalesce(r.amount_minor, 0) as amount
                from ordering.idempotency_key k left join ordering.refund r on r.id = k.resource_id
                where k.scope = any (cast(:scopes as text[]))
                """).param("scopes", ids.stream().map(id -> "refund:" + id).toArray(String[]::new)).query(rs -> {
                    found.computeIfAbsent(UUID.fromString(rs.getString("scope").substring("refund:".length())), k -> new ArrayList<>())
                            .add(new KeyRow(rs.getString("key"), rs.getString("state"), rs.getObject("refund_id", UUID.class), rs.getString("status"),
                                    rs.getLong("amount")));
                });
        return found;
    }

    private Map<UUID, String> paymentRefs(List<UUID> orderIds) {
        Map<UUID, String> found = new HashMap<>();
        jdbc.sql("select order_id, provider_ref from ordering.payment where order_id = any (cast(:ids as text[])::uuid[])")
                .param("ids", orderIds.stream().map(UUID::toString).toArray(String[]::new)).query(rs -> {
                    found.put(rs.getObject(1, UUID.class), Objects.requireNonNullElse(rs.getString(2), ""));
                });
        return found;
    }

    private static <T> String[] strings(List<T> rows, java.util.function.Function<T, @Nullable Object> value) {
        return rows.stream().map(value).map(v -> v == null ? "" : v.toString()).toArray(String[]::new);
    }

    private static <T> long[] longs(List<T> rows, java.util.function.ToLongFunction<T> value) {
        return rows.stream().mapToLong(value).toArray();
    }
}
