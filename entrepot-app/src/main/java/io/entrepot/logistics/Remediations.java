package io.entrepot.logistics;

import io.entrepot.governance.AccessLog;
import io.entrepot.ledger.AccountRef;
import io.entrepot.ledger.JournalEntry;
import io.entrepot.ledger.Ledger;
import io.entrepot.ledger.Posting;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.CsvRecords;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Remediation runs: a disruption's stranded seller orders cancelled or refunded in full, their goods
 * brought back at the platform's expense, sellers and buyers told. A run is a set of items, one per
 * seller order (never two for one order), that any node works in chunks claimed with
 * {@code FOR UPDATE SKIP LOCKED} under a lease; a node that dies leaves its lease to run out and
 * another node takes the items over. Each remedy is idempotent by keys derived from the run and the
 * order (also towards the payment provider), and an item is completed once, so a crash at any point
 * neither skips nor repeats a refund.
 */
@Service
public class Remediations {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Actor WORKER = Actor.system("disruption-remediation");

    private final AccessLog accessLog;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrderDesk orders;
    private final Disruptions disruptions;
    private final Shipments shipments;
    private final Ledger ledger;
    private final io.entrepot.seller.SellerWebhooks webhooks;

    Remediations(JdbcClient jdbc, TransactionTemplate tx, Clock clock, OrderDesk orders, Disruptions disruptions, Shipments shipments, Ledger ledger,
            io.entrepot.seller.SellerWebhooks webhooks, AccessLog accessLog) {
        this.accessLog = accessLog;
        this.webhooks = webhooks;
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.orders = orders;
        this.disruptions = disruptions;
        this.shipments = shipments;
        this.ledger = ledger;
    }

    /**
     * How stranded orders are settled. The buyer is always refunded in full, the platform always pays
     * return shipping and fees, the seller pays no commission and gets no mark on its record; the one
     * choice is whether the goods come back (when they would cost more to return than they are worth,
     * an operator may leave them).
     */
    public record Policy(boolean returnGoods) {
        public static final Policy DEFAULT = new Policy(true);

        String json() {
            return JSON.writeValueAsString(java.util.Map.of("refundBuyer", "in full", "returnGoods", returnGoods, "returnShippingPaidBy", "platform",
                    "feesPaidBy", "platform", "commissionCharged", false, "sellerPenalty", false));
        }
    }

    public record Run(UUID id, UUID disruptionId, String status, java.util.Map<String, Object> policy, int total, String startedBy, Instant createdAt,
            @Nullable Instant finishedAt, Progress progress) {
    }

    /** Where a run stands: items done, failed and left, items finished per minute lately, and the time left at that rate. */
    public record Progress(int done, int failed, int remaining, double perMinute, @Nullable Long etaSeconds) {
    }

    /** Starts a run over what the disruption strands now; refused while another run of it is running. */
    public Run start(UUID disruptionId, Policy policy) {
        String by = ActorContext.currentName();
        UUID id = ActorContext.callAs(WORKER, () -> tx.execute(s -> {
            jdbc.sql("select id from logistics.disruption where id = :id for update").param("id", disruptionId).query(UUID.class).optional()
                    .orElseThrow(() -> new NotFoundException("disruption", disruptionId));
            jdbc.sql("select id from logistics.remediation_run where disruption_id = :d and status = 'running'").param("d", disruptionId)
                    .query(UUID.class).optional().ifPresent(running -> {
                        throw new ConflictException("remediation-running", "run " + running + " of this disruption is still running");
                    });
            var affected = disruptions.affected(disruptions.get(disruptionId));
            UUID run = Ids.newId(clock);
            Instant now = clock.instant();
            jdbc.sql("""
                    insert into logistics.remediation_run (id, disruption_id, policy, status, total, started_by, created_at)
                    values (:id, :d, cast(:policy as jsonb), 'running', 0, :by, :now)
                    """).param("id", run).param("d", disruptionId).param("policy", policy.json()).param("by", by)
                    .param("now", Timestamp.from(now)).update();
            int total = 0;
            for (Disruptions.Affected a : affected) {
                total += jdbc.sql("""
                        insert into logistics.remediation_item (run_id, seller_order_id, seller_id, seller_name, action, status, currency,
                            order_total_minor, updated_at)
                        values (:run, :so, :seller, :name, :action, 'pending', :currency, :total, :now)
                        on conflict (seller_order_id) do nothing
                        """).param("run", run).param("so", a.order().sellerOrderId()).param("seller", a.order().sellerId())
                        .param("name", a.order().sellerName()).param("action", a.action()).param("currency", a.order().total().currency().code())
                        .param("total", a.order().total().minor()).param("now", Timestamp.from(now)).update();
            }
            // each seller's access log names the orders this run will settle, and who started it
            var bySeller = affected.stream().collect(java.util.stream.Collectors.groupingBy(a -> a.order().sellerId(), java.util.TreeMap::new,
                    java.util.stream.Collectors.mapping(a -> a.action() + ":" + a.order().sellerOrderId(), java.util.stream.Collectors.toList())));
            accessLog.recordSystem(bySeller.entrySet().stream().map(e -> new AccessLog.Access(new io.entrepot.shared.SellerId(e.getKey()),
                    "remediation.start run:" + run, e.getValue())).toList(), by);
            jdbc.sql("update logistics.remediation_run set total = :total, status = :status, finished_at = :finished where id = :id")
                    .param("total", total).param("status", total == 0 ? "finished" : "running")
                    .param("finished", total == 0 ? Timestamp.from(now) : null).param("id", run).update();
            return run;
        }));
        return run(id);
    }

    public Run run(UUID id) {
        return runs("where r.id = :key", id).stream().findFirst().orElseThrow(() -> new NotFoundException("remediation run", id));
    }

    public List<Run> runsOf(UUID disruptionId) {
        return runs("where r.disruption_id = :key", disruptionId);
    }

    private List<Run> runs(String where, UUID key) {
        Instant now = clock.instant();
        return ActorContext.callAs(WORKER, () -> tx.execute(s -> jdbc.sql("""
                select r.*,
                       (select count(*) from logistics.remediation_item i where i.run_id = r.id and i.status in ('done', 'skipped')) as done,
                       (select count(*) from logistics.remediation_item i where i.run_id = r.id and i.status = 'failed') as failed,
                       (select count(*) from logistics.remediation_item i where i.run_id = r.id and i.status = 'pending') as remaining,
                       (select count(*) from logistics.remediation_item i where i.run_id = r.id and i.status <> 'pending'
                                                                          and i.updated_at > :since) as recent
                from logistics.remediation_run r
                """ + where + " order by r.created_at desc")
                .param("key", key).param("since", Timestamp.from(now.minusSeconds(60)))
                .query((rs, n) -> {
                    int remaining = rs.getInt("remaining");
                    double perMinute = rs.getInt("recent");
                    Long eta = remaining == 0 ? Long.valueOf(0) : perMinute > 0 ? Long.valueOf(Math.round(remaining * 60 / perMinute)) : null;
                    Timestamp finished = rs.getTimestamp("finished_at");
                    return new Run(rs.getObject("id", UUID.class), rs.getObject("disruption_id", UUID.class), rs.getString("status"),
                            policyOf(rs.getString("policy")), rs.getInt("total"), rs.getString("started_by"), rs.getTimestamp("created_at").toInstant(),
                            finished == null ? null : finished.toInstant(), new Progress(rs.getInt("done"), rs.getInt("failed"), remaining, perMinute, eta));
                }).list()));
    }

    @SuppressWarnings("unchecked")
    private static java.util.Map<String, Object> policyOf(String json) {
        return java.util.Collections.unmodifiableMap(JSON.readValue(json, java.util.LinkedHashMap.class));
    }

    /** Puts a run's failed items back to work (their refunds are asked again, under new keys). The number put back. */
    public int retryFailed(UUID runId) {
        return ActorContext.callAs(WORKER, () -> tx.execute(s -> {
            var run = jdbc.sql("select disruption_id from logistics.remediation_run where id = :id for update").param("id", runId).query(UUID.class)
                    .optional().orElseThrow(() -> new NotFoundException("remediation run", runId));
            jdbc.sql("select id from logistics.remediation_run where disruption_id = :d and status = 'running' and id <> :id")
                    .param("d", run).param("id", runId).query(UUID.class).optional().ifPresent(other -> {
                        throw new ConflictException("remediation-running", "run " + other + " of this disruption is still running");
                    });
            int retried = jdbc.sql("""
                    update logistics.remediation_item set status = 'pending', lease_owner = null, lease_until = null, updated_at = :now
                    where run_id = :run and status = 'failed'
                    """).param("run", runId).param("now", Timestamp.from(clock.instant())).update();
            if (retried > 0) {
                jdbc.sql("update logistics.remediation_run set status = 'running', finished_at = null where id = :id").param("id", runId).update();
            }
            return retried;
        }));
    }

    // Work

    /** An item as a worker holds it. */
    private record Item(UUID runId, UUID sellerOrderId, String action, int attempts, String disruptionReason, boolean returnGoods, String node) {
    }

    /** {@link #workOnce(String, int, Duration, int)} one item after the other. */
    public int workOnce(String node, int chunk, Duration lease) {
        return workOnce(node, chunk, lease, 1);
    }

    /**
     * Claims up to {@code chunk} items whose lease is free or ran out, works them on {@code parallel}
     * threads (items are independent seller orders), and finishes runs with nothing left; the number of
     * items worked.
     */
    public int workOnce(String node, int chunk, Duration lease, int parallel) {
        Instant now = clock.instant();
        List<Item> claimed = ActorContext.callAs(WORKER, () -> tx.execute(s -> jdbc.sql("""
                with claimed as (
                    select i.run_id, i.seller_order_id from logistics.remediation_item i
                    join logistics.remediation_run r on r.id = i.run_id and r.status = 'running'
                    where i.status = 'pending' and (i.lease_until is null or i.lease_until < :now)
                    order by i.run_id, i.seller_order_id
                    limit :chunk
                    for update of i skip locked)
                update logistics.remediation_item i set lease_owner = :node, lease_until = :until, updated_at = :now
                from claimed, logistics.remediation_run r, logistics.disruption d
                where i.run_id = claimed.run_id and i.seller_order_id = claimed.seller_order_id and r.id = i.run_id and d.id = r.disruption_id
                returning i.run_id, i.seller_order_id, i.action, i.attempts, d.reason, (r.policy ->> 'returnGoods')::boolean as return_goods
                """).param("now", Timestamp.from(now)).param("chunk", chunk).param("node", node).param("until", Timestamp.from(now.plus(lease)))
                .query((rs, n) -> new Item(rs.getObject("run_id", UUID.class), rs.getObject("seller_order_id", UUID.class), rs.getString("action"),
                        rs.getInt("attempts"), rs.getString("reason"), rs.getBoolean("return_goods"), node)).list()));
        if (parallel <= 1 || claimed.size() <= 1) {
            claimed.forEach(this::work);
        } else {
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(Math.min(parallel, claimed.size()))) {
                List<java.util.concurrent.Future<?>> done = claimed.stream().map(item -> pool.submit(() -> work(item))).collect(
                        java.util.stream.Collectors.toList());
                for (var f : done) {
                    try {
                        f.get();
                    } catch (java.util.concurrent.ExecutionException e) {
                        throw new IllegalStateException("a remediation item failed unexpectedly", e.getCause());
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        throw new IllegalStateException("interrupted while working remediation items", e);
                    }
                }
            }
        }
        ActorContext.runAs(WORKER, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                update logistics.remediation_run r set status = 'finished', finished_at = :now
                where status = 'running' and not exists (select 1 from logistics.remediation_item i where i.run_id = r.id and i.status = 'pending')
                """).param("now", Timestamp.from(clock.instant())).update()));
        return claimed.size();
    }

    private void work(Item item) {
        String reason = "Customs disruption: " + item.disruptionReason();
        String prefix = "remediation:" + item.runId() + ":" + item.sellerOrderId();
        OrderDesk.Outcome outcome;
        try {
            outcome = ActorContext.callAs(WORKER, () -> orders.remedy(item.sellerOrderId(), prefix, item.attempts(), reason));
        } catch (RuntimeException e) {
            outcome = new OrderDesk.Outcome.Refused(String.valueOf(e.getMessage()));
        }
        switch (outcome) {
            case OrderDesk.Outcome.Done done -> complete(item, done, prefix);
            case OrderDesk.Outcome.Skipped skipped -> settle(item, "skipped", skipped.reason());
            case OrderDesk.Outcome.Refused refused -> settle(item, "failed", refused.reason());
            case OrderDesk.Outcome.InProgress p -> settle(item, "pending", "waiting for an earlier attempt to finish");
        }
    }

    private void complete(Item item, OrderDesk.Outcome.Done done, String prefix) {
        Money refunded = done.refunded();
        ActorContext.runAs(WORKER, () -> tx.executeWithoutResult(s -> {
            String status = jdbc.sql("select status from logistics.remediation_item where run_id = :run and seller_order_id = :so for update")
                    .param("run", item.runId()).param("so", item.sellerOrderId()).query(String.class).single();
            if (!status.equals("pending")) {
                return;
            }
            OrderDesk.SellerOrder order = orders.find(List.of(item.sellerOrderId())).getFirst();
            Money returnCost = Money.zero(order.total().currency());
            if (done.action().equals("return") && item.returnGoods()) {
                returnCost = order.shipping();
                Shipments.Shipment parcel = shipments.createReturn(order, returnCost);
                if (returnCost.minor() > 0) {
                    var expense = AccountRef.platform(AccountRef.Kind.EXPENSE, returnCost.currency());
                    var carrier = AccountRef.of(AccountRef.OwnerType.CARRIER, parcel.carrierService(), AccountRef.Kind.CLEARING, returnCost.currency());
                    ledger.post(new JournalEntry("return of seller order " + item.sellerOrderId() + " paid by the platform (remediation run "
                            + item.runId() + ")", "remediation_return", item.runId() + ":" + item.sellerOrderId(), prefix + ":return-cost",
                            List.of(Posting.debit(expense, returnCost), Posting.credit(carrier, returnCost))));
                }
            }
            notifyBoth(item, done.action(), order, refunded);
            var message = new java.util.LinkedHashMap<String, Object>();
            message.put("runId", item.runId().toString());
            message.put("sellerOrderId", order.sellerOrderId().toString());
            message.put("action", done.action());
            message.put("refunded", java.util.Map.of("amount", refunded.toDecimal(), "currency", refunded.currency().code()));
            message.put("returnShippingPaidByPlatform", java.util.Map.of("amount", returnCost.toDecimal(), "currency", returnCost.currency().code()));
            message.put("reason", item.disruptionReason());
            webhooks.enqueue(new io.entrepot.shared.SellerId(order.sellerId()), "order.remediated", message);
            jdbc.sql("""
                    update logistics.remediation_item set status = 'done', action = :action, attempts = attempts + 1, refunded_minor = :refunded, return_cost_minor = :cost,
                        error = null, lease_owner = null, lease_until = null, worked_by = :node, updated_at = :now
                    where run_id = :run and seller_order_id = :so
                    """).param("action", done.action()).param("node", item.node()).param("refunded", refunded.minor()).param("cost", returnCost.minor()).param("now", Timestamp.from(clock.instant()))
                    .param("run", item.runId()).param("so", item.sellerOrderId()).update();
        }));
    }

    private void settle(Item item, String status, String error) {
        ActorContext.runAs(WORKER, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                update logistics.remediation_item set status = :status, attempts = attempts + case when :status = 'failed' then 1 else 0 end,
                    error = :error, lease_owner = null, lease_until = :retryAt, updated_at = :now
                where run_id = :run and seller_order_id = :so and status = 'pending'
                """).param("status", status).param("error", error.length() > 500 ? error.substring(0, 500) : error)
                .param("retryAt", status.equals("pending") ? Timestamp.from(clock.instant().plusSeconds(15)) : null)
                .param("now", Timestamp.from(clock.instant())).param("run", item.runId()).param("so", item.sellerOrderId()).update()));
    }

    private void notifyBoth(Item item, String action, OrderDesk.SellerOrder order, Money refunded) {
        String what = action.equals("cancel")
                ? "was cancelled before shipment and the payment authorization of " + order.total() + " released"
                : "was cancelled and " + refunded + " refunded to the buyer" + (item.returnGoods() ? "; the parcel is coming back to the seller" : "");
        insertNotification(item, order, "seller", "Order " + order.sellerOrderId() + " remediated: " + item.disruptionReason(),
                "Your order " + order.sellerOrderId() + " " + what + ". Entrepot pays the return shipping and all fees; you pay no commission on it "
                        + "and it does not count against your performance record.");
        insertNotification(item, order, "buyer", "Your order from " + order.sellerName() + " was cancelled",
                "Customs closed on your parcel's route (" + item.disruptionReason() + "). Your order " + order.sellerOrderId() + " " + what + ".");
    }

    private void insertNotification(Item item, OrderDesk.SellerOrder order, String recipient, String subject, String body) {
        jdbc.sql("""
                insert into logistics.notification (id, run_id, seller_order_id, seller_id, recipient, subject, body, created_at)
                values (:id, :run, :so, :seller, :recipient, :subject, :body, :now) on conflict do nothing
                """).param("id", Ids.newId(clock)).param("run", item.runId()).param("so", order.sellerOrderId()).param("seller", order.sellerId())
                .param("recipient", recipient).param("subject", subject).param("body", body).param("now", Timestamp.from(clock.instant())).update();
    }

    // Reports (as the current actor: a seller sees its own lines only)

    /** One seller's part of a run, per currency. */
    public record SellerReport(UUID sellerId, String sellerName, String currency, int cancelled, int returned, int failed, int pending,
            int skipped, Money voided, Money refunded, Money returnCosts) {
    }

    /** The run's lines per seller (a seller sees its own line only); an unknown run is not found. */
    public List<SellerReport> report(UUID runId) {
        run(runId);
        if (ActorContext.current() instanceof Actor.Operator) {
            // the platform's own settlement: staff read every seller's line under the remediation purpose, and each read is logged
            String by = ActorContext.currentName();
            return ActorContext.callAs(WORKER, () -> tx.execute(s -> {
                List<SellerReport> lines = reportRows(runId);
                accessLog.recordSystem(lines.stream().map(line -> line.sellerId()).distinct()
                        .map(seller -> AccessLog.Access.of(new io.entrepot.shared.SellerId(seller), "remediation.report", List.of("run:" + runId)))
                        .toList(), by);
                return lines;
            }));
        }
        return readOnly().execute(s -> reportRows(runId));
    }

    private List<SellerReport> reportRows(UUID runId) {
        return jdbc.sql("""
                select seller_id, seller_name, currency,
                       count(*) filter (where action = 'cancel' and status = 'done') as cancelled,
                       count(*) filter (where action = 'return' and status = 'done') as returned,
                       count(*) filter (where status = 'failed') as failed,
                       count(*) filter (where status = 'pending') as pending,
                       count(*) filter (where status = 'skipped') as skipped,
                       coalesce(sum(order_total_minor) filter (where action = 'cancel' and status = 'done'), 0) as voided,
                       coalesce(sum(refunded_minor), 0) as refunded,
                       coalesce(sum(return_cost_minor), 0) as return_costs
                from logistics.remediation_item where run_id = :run
                group by seller_id, seller_name, currency order by seller_name, seller_id, currency
                """).param("run", runId).query(Remediations::reportRow).list();
    }

    /** A read-only transaction as the current actor (row-level security decides what a seller sees). */
    private TransactionTemplate readOnly() {
        var readOnly = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        readOnly.setReadOnly(true);
        return readOnly;
    }

    private static SellerReport reportRow(ResultSet rs, int n) throws SQLException {
        String c = rs.getString("currency");
        return new SellerReport(rs.getObject("seller_id", UUID.class), rs.getString("seller_name"), c, rs.getInt("cancelled"), rs.getInt("returned"),
                rs.getInt("failed"), rs.getInt("pending"), rs.getInt("skipped"), Money.ofMinor(rs.getLong("voided"), c), Money.ofMinor(rs.getLong("refunded"), c),
                Money.ofMinor(rs.getLong("return_costs"), c));
    }

    /** The per-seller report as CSV, amounts in major units with the currency's decimals. */
    public String reportCsv(UUID runId) {
        StringBuilder csv = new StringBuilder("seller_id,seller_name,currency,cancelled,returned,failed,pending,skipped,voided,refunded,return_costs_paid_by_platform\n");
        for (SellerReport r : report(runId)) {
            csv.append(r.sellerId()).append(',').append(CsvRecords.cell(r.sellerName())).append(',').append(r.currency()).append(',').append(r.cancelled())
                    .append(',').append(r.returned()).append(',').append(r.failed()).append(',').append(r.pending()).append(',').append(r.skipped()).append(',')
                    .append(r.voided().toDecimal().toPlainString()).append(',').append(r.refunded().toDecimal().toPlainString()).append(',')
                    .append(r.returnCosts().toDecimal().toPlainString()).append('\n');
        }
        return csv.toString();
    }


    /** A stored message about a remediated order. */
    public record Notification(UUID runId, UUID sellerOrderId, String recipient, String subject, String body, Instant createdAt) {
    }

    /** The current actor's notifications (a seller's own), newest first. */
    public List<Notification> notifications(int limit) {
        return readOnly().execute(s -> jdbc.sql("""
                select * from logistics.notification where recipient = 'seller' order by created_at desc limit :limit
                """).param("limit", limit).query((rs, n) -> new Notification(rs.getObject("run_id", UUID.class),
                rs.getObject("seller_order_id", UUID.class), rs.getString("recipient"), rs.getString("subject"), rs.getString("body"),
                rs.getTimestamp("created_at").toInstant())).list());
    }
}
