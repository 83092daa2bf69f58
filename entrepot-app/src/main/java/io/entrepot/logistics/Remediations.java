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
            // one item per seller order ever: an order another run has taken on is left out
            int total = jdbc.sql("""
                    insert into logistics.remediation_item (run_id, seller_order_id, seller_id, seller_name, action, status, currency,
                        order_total_minor, updated_at)
                    select :run, u.so, u.seller, u.name, u.action, 'pending', u.currency, u.total, :now
                    from unnest(cast(:orders as uuid[]), cast(:sellers as uuid[]), cast(:names as text[]), cast(:actions as text[]),
                                cast(:currencies as text[]), cast(:totals as bigint[])) as u (so, seller, name, action, currency, total)
                    on conflict (seller_order_id) do nothing
                    """).param("run", run).param("orders", affected.stream().map(a -> a.order().sellerOrderId().toString()).toArray(String[]::new))
                    .param("sellers", affected.stream().map(a -> a.order().sellerId().toString()).toArray(String[]::new))
                    .param("names", affected.stream().map(a -> a.order().sellerName()).toArray(String[]::new))
                    .param("actions", affected.stream().map(Disruptions.Affected::action).toArray(String[]::new))
                    .param("currencies", affected.stream().map(a -> a.order().total().currency().code()).toArray(String[]::new))
                    .param("totals", affected.stream().mapToLong(a -> a.order().total().minor()).toArray()).param("now", Timestamp.from(now)).update();
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
                select r.*, c.done, c.failed, c.recent
                from logistics.remediation_run r
                cross join lateral (
                    -- the run's tally, a row per chunk (the console and the API poll this while a run works)
                    select coalesce(sum(t.done), 0) as done, coalesce(sum(t.failed), 0) as failed,
                           coalesce(sum(t.done + greatest(t.failed, 0)) filter (where t.at > :since), 0) as recent
                    from logistics.remediation_tally t where t.run_id = r.id) as c
                """ + where + " order by r.created_at desc")
                .param("key", key).param("since", Timestamp.from(now.minusSeconds(60)))
                .query((rs, n) -> {
                    int remaining = rs.getInt("total") - rs.getInt("done") - rs.getInt("failed");
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
                tally(runId, 0, -retried);
                jdbc.sql("update logistics.remediation_run set status = 'running', finished_at = null where id = :id").param("id", runId).update();
            }
            return retried;
        }));
    }

    // Work

    /** An item as a worker holds it. */
    private record Item(UUID runId, UUID sellerOrderId, String action, int attempts, String disruptionReason, boolean returnGoods, String node) {
    }

    /**
     * Claims up to {@code chunk} items whose lease is free or ran out and works them together: the
     * orders' remedies in bulk (one batch of provider refunds), then every completed item's return
     * parcel, ledger entry, notifications, webhook message and status in one transaction of set-based
     * statements; finishes runs with nothing left. The number of items worked. Several workers (on one
     * node or many) each claim their own chunks.
     */
    public int workOnce(String node, int chunk, Duration lease) {
        Instant now = clock.instant();
        List<Item> claimed = ActorContext.callAs(WORKER, () -> tx.execute(s -> {
            // Items are found by key, never by scanning: a run's items are newer than the table's statistics, and a plan
            // made for a small table would scan every item of the run for each chunk.
            jdbc.sql("set local enable_seqscan = off").update();
            List<String[]> keys = jdbc.sql("""
                    select i.run_id, i.seller_order_id from logistics.remediation_item i
                    where i.status = 'pending' and (i.lease_until is null or i.lease_until < :now)
                      and i.run_id in (select id from logistics.remediation_run where status = 'running')
                    order by i.run_id, i.seller_order_id
                    limit :chunk
                    for update of i skip locked
                    """).param("now", Timestamp.from(now)).param("chunk", chunk)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list();
            if (keys.isEmpty()) {
                return List.<Item>of();
            }
            return jdbc.sql("""
                    update logistics.remediation_item i set lease_owner = :node, lease_until = :until, updated_at = :now
                    from unnest(cast(:runs as uuid[]), cast(:orders as uuid[])) as u (run, so), logistics.remediation_run r, logistics.disruption d
                    where i.run_id = u.run and i.seller_order_id = u.so and r.id = i.run_id and d.id = r.disruption_id
                    returning i.run_id, i.seller_order_id, i.action, i.attempts, d.reason, (r.policy ->> 'returnGoods')::boolean as return_goods
                    """).param("runs", keys.stream().map(k -> k[0]).toArray(String[]::new)).param("orders", keys.stream().map(k -> k[1]).toArray(String[]::new))
                    .param("node", node).param("until", Timestamp.from(now.plus(lease))).param("now", Timestamp.from(now))
                    .query((rs, n) -> new Item(rs.getObject("run_id", UUID.class), rs.getObject("seller_order_id", UUID.class), rs.getString("action"),
                            rs.getInt("attempts"), rs.getString("reason"), rs.getBoolean("return_goods"), node)).list();
        }));
        if (!claimed.isEmpty()) {
            var outcomes = ActorContext.callAs(WORKER, () -> orders.remedyAll(claimed.stream().map(item -> new OrderDesk.Remedy(item.sellerOrderId(),
                    prefix(item), item.attempts(), "Customs disruption: " + item.disruptionReason())).toList()));
            java.util.Map<Item, OrderDesk.Outcome.Done> done = new java.util.LinkedHashMap<>();
            for (Item item : claimed) {
                switch (outcomes.get(item.sellerOrderId())) {
                    case OrderDesk.Outcome.Done d -> done.put(item, d);
                    case OrderDesk.Outcome.Skipped skipped -> settle(item, "skipped", skipped.reason());
                    case OrderDesk.Outcome.Refused refused -> settle(item, "failed", refused.reason());
                    case OrderDesk.Outcome.InProgress p -> settle(item, "pending", "waiting for an earlier attempt to finish");
                    case null -> settle(item, "failed", "no outcome for this seller order");
                }
            }
            complete(done);
        }
        if (claimed.size() < chunk) {
            // Only a claim that found less than a full chunk can have taken a run's last items, and each worker ends with
            // such a claim, so runs are looked at here and not after every chunk: looking for a run's pending items walks
            // past the entries of the items done so far (a 100,000-item run spent 16% of the database's time on it).
            ActorContext.runAs(WORKER, () -> tx.executeWithoutResult(s -> jdbc.sql("""
                    update logistics.remediation_run r set status = 'finished', finished_at = :now
                    where status = 'running' and not exists (select 1 from logistics.remediation_item i where i.run_id = r.id and i.status = 'pending')
                    """).param("now", Timestamp.from(clock.instant())).update()));
        }
        return claimed.size();
    }

    private static String prefix(Item item) {
        return "remediation:" + item.runId() + ":" + item.sellerOrderId();
    }

    /** Completes remedied items once each (an item done meanwhile by another attempt is left as it is), all in one transaction. */
    private void complete(java.util.Map<Item, OrderDesk.Outcome.Done> done) {
        if (done.isEmpty()) {
            return;
        }
        ActorContext.runAs(WORKER, () -> tx.executeWithoutResult(s -> {
            List<Item> items = List.copyOf(done.keySet());
            jdbc.sql("set local enable_seqscan = off").update();
            // by key lists, not a join on (run, order) pairs: the join was planned on the run's pending items and walked them
            // for every pair; the pairs are checked below
            java.util.Set<String> pending = new java.util.HashSet<>(jdbc.sql("""
                    select i.run_id || ':' || i.seller_order_id from logistics.remediation_item i
                    where i.run_id = any (cast(:runs as uuid[])) and i.seller_order_id = any (cast(:orders as uuid[])) and i.status = 'pending'
                    order by i.run_id, i.seller_order_id for update of i
                    """).param("runs", items.stream().map(i -> i.runId().toString()).distinct().toArray(String[]::new))
                    .param("orders", column(items, Item::sellerOrderId)).query(String.class).list());
            List<Item> open = items.stream().filter(i -> pending.contains(i.runId() + ":" + i.sellerOrderId())).toList();
            if (open.isEmpty()) {
                return;
            }
            java.util.Map<UUID, OrderDesk.SellerOrder> orderOf = new java.util.HashMap<>();
            orders.find(open.stream().map(Item::sellerOrderId).toList()).forEach(o -> orderOf.put(o.sellerOrderId(), o));
            java.util.Map<Item, Money> returnCost = new java.util.HashMap<>();
            List<java.util.Map.Entry<OrderDesk.SellerOrder, Money>> parcels = new java.util.ArrayList<>();
            for (Item item : open) {
                OrderDesk.SellerOrder order = orderOf.get(item.sellerOrderId());
                boolean returned = done.get(item).action().equals("return") && item.returnGoods();
                Money cost = returned ? order.shipping() : Money.zero(order.total().currency());
                returnCost.put(item, cost);
                if (returned) {
                    parcels.add(java.util.Map.entry(order, cost));
                }
            }
            var services = shipments.createReturns(parcels);
            List<JournalEntry> entries = new java.util.ArrayList<>();
            List<io.entrepot.seller.SellerWebhooks.Message> messages = new java.util.ArrayList<>();
            List<String[]> notes = new java.util.ArrayList<>();
            for (Item item : open) {
                OrderDesk.SellerOrder order = orderOf.get(item.sellerOrderId());
                OrderDesk.Outcome.Done d = done.get(item);
                Money cost = returnCost.get(item);
                if (cost.minor() > 0) {
                    var expense = AccountRef.platform(AccountRef.Kind.EXPENSE, cost.currency());
                    var carrier = AccountRef.of(AccountRef.OwnerType.CARRIER, services.get(order.sellerOrderId()), AccountRef.Kind.CLEARING, cost.currency());
                    entries.add(new JournalEntry("return of seller order " + item.sellerOrderId() + " paid by the platform (remediation run " + item.runId() + ")",
                            "remediation_return", item.runId() + ":" + item.sellerOrderId(), prefix(item) + ":return-cost",
                            List.of(Posting.debit(expense, cost), Posting.credit(carrier, cost))));
                }
                notes.addAll(notifications(item, d.action(), order, d.refunded()));
                var message = new java.util.LinkedHashMap<String, Object>();
                message.put("runId", item.runId().toString());
                message.put("sellerOrderId", order.sellerOrderId().toString());
                message.put("action", d.action());
                message.put("refunded", java.util.Map.of("amount", d.refunded().toDecimal(), "currency", d.refunded().currency().code()));
                message.put("returnShippingPaidByPlatform", java.util.Map.of("amount", cost.toDecimal(), "currency", cost.currency().code()));
                message.put("reason", item.disruptionReason());
                messages.add(new io.entrepot.seller.SellerWebhooks.Message(new io.entrepot.shared.SellerId(order.sellerId()), "order.remediated", message));
            }
            ledger.postAll(entries);
            Instant at = clock.instant();
            jdbc.sql("""
                    insert into logistics.notification (id, run_id, seller_order_id, seller_id, recipient, subject, body, created_at)
                    select cast(u.id as uuid), cast(u.run as uuid), cast(u.so as uuid), cast(u.seller as uuid), u.recipient, u.subject, u.body, :now
                    from unnest(cast(:ids as text[]), cast(:runs as text[]), cast(:orders as text[]), cast(:sellers as text[]), cast(:recipients as text[]),
                                cast(:subjects as text[]), cast(:bodies as text[])) as u (id, run, so, seller, recipient, subject, body)
                    on conflict do nothing
                    """).param("ids", notes.stream().map(n -> Ids.newId(clock).toString()).toArray(String[]::new))
                    .param("runs", notes.stream().map(n -> n[0]).toArray(String[]::new)).param("orders", notes.stream().map(n -> n[1]).toArray(String[]::new))
                    .param("sellers", notes.stream().map(n -> n[2]).toArray(String[]::new)).param("recipients", notes.stream().map(n -> n[3]).toArray(String[]::new))
                    .param("subjects", notes.stream().map(n -> n[4]).toArray(String[]::new)).param("bodies", notes.stream().map(n -> n[5]).toArray(String[]::new))
                    .param("now", Timestamp.from(at)).update();
            webhooks.enqueueAll(messages);
            jdbc.sql("""
                    update logistics.remediation_item i set status = 'done', action = u.action, attempts = i.attempts + 1, refunded_minor = u.refunded,
                        return_cost_minor = u.cost, error = null, lease_owner = null, lease_until = null, worked_by = u.node, updated_at = :now
                    from unnest(cast(:runs as uuid[]), cast(:orders as uuid[]), cast(:actions as text[]), cast(:refunded as bigint[]), cast(:costs as bigint[]),
                                cast(:nodes as text[])) as u (run, so, action, refunded, cost, node)
                    where i.run_id = u.run and i.seller_order_id = u.so
                    """).param("runs", column(open, Item::runId)).param("orders", column(open, Item::sellerOrderId))
                    .param("actions", open.stream().map(i -> done.get(i).action()).toArray(String[]::new))
                    .param("refunded", open.stream().mapToLong(i -> done.get(i).refunded().minor()).toArray())
                    .param("costs", open.stream().mapToLong(i -> returnCost.get(i).minor()).toArray())
                    .param("nodes", open.stream().map(Item::node).toArray(String[]::new)).param("now", Timestamp.from(at)).update();
            open.stream().collect(java.util.stream.Collectors.groupingBy(Item::runId, java.util.stream.Collectors.counting()))
                    .forEach((run, count) -> tally(run, count.intValue(), 0));
        }));
    }

    /** Adds to a run's tally (items done or skipped, items failed), in the transaction that moved the items. */
    private void tally(UUID run, int done, int failed) {
        jdbc.sql("insert into logistics.remediation_tally (run_id, at, done, failed) values (:run, :at, :done, :failed)")
                .param("run", run).param("at", Timestamp.from(clock.instant())).param("done", done).param("failed", failed).update();
    }

    private static String[] column(List<Item> items, java.util.function.Function<Item, UUID> id) {
        return items.stream().map(i -> id.apply(i).toString()).toArray(String[]::new);
    }

    private void settle(Item item, String status, String error) {
        ActorContext.runAs(WORKER, () -> tx.executeWithoutResult(s -> {
            int settled = jdbc.sql("""
                    update logistics.remediation_item set status = :status, attempts = attempts + case when :status = 'failed' then 1 else 0 end,
                        error = :error, lease_owner = null, lease_until = :retryAt, updated_at = :now
                    where run_id = :run and seller_order_id = :so and status = 'pending'
                    """).param("status", status).param("error", error.length() > 500 ? error.substring(0, 500) : error)
                    .param("retryAt", status.equals("pending") ? Timestamp.from(clock.instant().plusSeconds(15)) : null)
                    .param("now", Timestamp.from(clock.instant())).param("run", item.runId()).param("so", item.sellerOrderId()).update();
            if (settled > 0 && !status.equals("pending")) {
                tally(item.runId(), status.equals("failed") ? 0 : 1, status.equals("failed") ? 1 : 0);
            }
        }));
    }

    /** The seller's and the buyer's message about a remediated order: run, seller order, seller, recipient, subject, body. */
    private static List<String[]> notifications(Item item, String action, OrderDesk.SellerOrder order, Money refunded) {
        String what = action.equals("cancel")
                ? "was cancelled before shipment and the payment authorization of " + order.total() + " released"
                : "was cancelled and " + refunded + " refunded to the buyer" + (item.returnGoods() ? "; the parcel is coming back to the seller" : "");
        String run = item.runId().toString();
        String so = order.sellerOrderId().toString();
        String seller = order.sellerId().toString();
        return List.of(new String[] {run, so, seller, "seller", "Order " + so + " remediated: " + item.disruptionReason(),
                "Your order " + so + " " + what + ". Entrepot pays the return shipping and all fees; you pay no commission on it "
                        + "and it does not count against your performance record."},
                new String[] {run, so, seller, "buyer", "Your order from " + order.sellerName() + " was cancelled",
                        "Customs closed on your parcel's route (" + item.disruptionReason() + "). Your order " + so + " " + what + "."});
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
