package io.entrepot.logistics;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.NotFoundException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Customs disruptions and the seller orders they strand: paid but not shipped on an affected lane
 * (to cancel), or shipped and not yet past the closed checkpoint (to refund and bring back). The
 * preview computes exactly what a remediation run would take on, in a read-only transaction.
 */
@Service
public class Disruptions {

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final OrderDesk orders;

    Disruptions(JdbcClient jdbc, TransactionTemplate tx, Clock clock, OrderDesk orders) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.orders = orders;
    }

    public record Disruption(UUID id, String scope, @Nullable String checkpoint, @Nullable String market, @Nullable UUID laneId,
            Instant startsAt, @Nullable Instant endsAt, String reason, String declaredBy, Instant createdAt) {
    }

    /** What an operator declares: a checkpoint, a market or a lane, closed from {@code startsAt} (to {@code endsAt}, if known). */
    public record Declaration(String scope, @Nullable String checkpoint, @Nullable String market, @Nullable UUID laneId, Instant startsAt,
            @Nullable Instant endsAt, String reason) {
    }

    public Disruption declare(Declaration d) {
        if (d.reason() == null || d.reason().isBlank() || d.reason().length() > 500) {
            throw new IllegalArgumentException("a disruption needs a reason of 1 to 500 characters");
        }
        if (d.endsAt() != null && !d.endsAt().isAfter(d.startsAt())) {
            throw new IllegalArgumentException("endsAt must be after startsAt");
        }
        String by = ActorContext.currentName();
        return tx.execute(s -> {
            switch (d.scope()) {
                case "checkpoint" -> require(d.checkpoint() != null && d.market() == null && d.laneId() == null, "a checkpoint disruption names only its checkpoint",
                        () -> jdbc.sql("select count(*) from logistics.checkpoint where code = :code").param("code", d.checkpoint()).query(Long.class).single() > 0,
                        "no customs checkpoint " + d.checkpoint());
                case "market" -> require(d.market() != null && d.checkpoint() == null && d.laneId() == null, "a market disruption names only its market",
                        () -> jdbc.sql("select count(*) from logistics.lane where destination_market = :market").param("market", d.market())
                                .query(Long.class).single() > 0, "no lane reaches market " + d.market());
                case "lane" -> require(d.laneId() != null && d.checkpoint() == null && d.market() == null, "a lane disruption names only its lane",
                        () -> jdbc.sql("select count(*) from logistics.lane where id = :id").param("id", d.laneId()).query(Long.class).single() > 0,
                        "no lane " + d.laneId());
                default -> throw new IllegalArgumentException("scope is checkpoint, market or lane");
            }
            UUID id = Ids.newId(clock);
            jdbc.sql("""
                    insert into logistics.disruption (id, scope, checkpoint_code, market_code, lane_id, starts_at, ends_at, reason, declared_by, created_at)
                    values (:id, :scope, :checkpoint, :market, :lane, :starts, :ends, :reason, :by, :now)
                    """).param("id", id).param("scope", d.scope()).param("checkpoint", d.checkpoint()).param("market", d.market())
                    .param("lane", d.laneId()).param("starts", Timestamp.from(d.startsAt()))
                    .param("ends", d.endsAt() == null ? null : Timestamp.from(d.endsAt())).param("reason", d.reason().strip()).param("by", by)
                    .param("now", Timestamp.from(clock.instant())).update();
            return get(id);
        });
    }

    private static void require(boolean shape, String shapeMessage, java.util.function.BooleanSupplier exists, String missing) {
        if (!shape) {
            throw new IllegalArgumentException(shapeMessage);
        }
        if (!exists.getAsBoolean()) {
            throw new NotFoundException("disruption target", missing);
        }
    }

    public Disruption get(UUID id) {
        return jdbc.sql("select * from logistics.disruption where id = :id").param("id", id).query(Disruptions::row).optional()
                .orElseThrow(() -> new NotFoundException("disruption", id));
    }

    public List<Disruption> list() {
        return jdbc.sql("select * from logistics.disruption order by created_at desc limit 200").query(Disruptions::row).list();
    }

    private static Disruption row(ResultSet rs, int n) throws SQLException {
        Timestamp ends = rs.getTimestamp("ends_at");
        return new Disruption(rs.getObject("id", UUID.class), rs.getString("scope"), rs.getString("checkpoint_code"), rs.getString("market_code"),
                rs.getObject("lane_id", UUID.class), rs.getTimestamp("starts_at").toInstant(), ends == null ? null : ends.toInstant(),
                rs.getString("reason"), rs.getString("declared_by"), rs.getTimestamp("created_at").toInstant());
    }

    // Affected orders

    /** A seller order a disruption strands, and what the remediation does with it. */
    public record Affected(OrderDesk.SellerOrder order, String action) {
    }

    /** An affected lane and the kind of checkpoint closed on it. */
    private record AffectedLane(UUID id, OrderDesk.LaneRef ref, String checkpointKind) {
    }

    /**
     * The seller orders a disruption strands now, leaving out those already taken on by a remediation
     * run: paid and unshipped on an affected lane → cancel; shipped, not past the closed checkpoint,
     * with money left to refund → return.
     */
    List<Affected> affected(Disruption d) {
        List<AffectedLane> lanes = jdbc.sql("""
                select l.id, l.origin_country, l.destination_market, l.carrier_service,
                       case when :scope = 'checkpoint' and l.export_checkpoint = :checkpoint then 'export' else 'import' end as kind
                from logistics.lane l
                where (:scope = 'checkpoint' and (l.export_checkpoint = :checkpoint or l.import_checkpoint = :checkpoint))
                   or (:scope = 'market' and l.destination_market = :market)
                   or (:scope = 'lane' and l.id = :lane)
                """).param("scope", d.scope()).param("checkpoint", d.checkpoint()).param("market", d.market()).param("lane", d.laneId())
                .query((rs, n) -> new AffectedLane(rs.getObject("id", UUID.class), new OrderDesk.LaneRef(rs.getString("origin_country"),
                        rs.getString("destination_market"), rs.getString("carrier_service")), rs.getString("kind"))).list();
        if (lanes.isEmpty()) {
            return List.of();
        }
        List<Affected> affected = new ArrayList<>();
        for (OrderDesk.SellerOrder o : orders.awaitingShipment(lanes.stream().map(AffectedLane::ref).toList())) {
            if (d.endsAt() == null || o.placedAt().isBefore(d.endsAt())) {
                affected.add(new Affected(o, "cancel"));
            }
        }
        List<UUID> stuck = new ArrayList<>();
        for (AffectedLane lane : lanes) {
            stuck.addAll(jdbc.sql("""
                    select s.seller_order_id from logistics.shipment s
                    where s.direction = 'outbound' and s.lane_id = :lane and s.status_rank <= :rank
                      and not exists (select 1 from logistics.remediation_item i where i.seller_order_id = s.seller_order_id)
                    """).param("lane", lane.id()).param("rank", TrackingStatus.lastRankBefore(lane.checkpointKind())).query(UUID.class).list());
        }
        for (OrderDesk.SellerOrder o : orders.find(stuck)) {
            if (o.status().equals("shipped") && o.refundable().minor() > 0) {
                affected.add(new Affected(o, "return"));
            }
        }
        Set<UUID> taken = taken(affected.stream().filter(a -> a.action().equals("cancel")).map(a -> a.order().sellerOrderId()).toList());
        affected.removeIf(a -> taken.contains(a.order().sellerOrderId()));
        affected.sort(Comparator.comparing((Affected a) -> a.order().sellerOrderId()));
        return affected;
    }

    /** Which of these seller orders a remediation run has already taken on (asked in batches). */
    private Set<UUID> taken(List<UUID> sellerOrderIds) {
        Set<UUID> taken = new HashSet<>();
        for (int from = 0; from < sellerOrderIds.size(); from += 5_000) {
            taken.addAll(jdbc.sql("select seller_order_id from logistics.remediation_item where seller_order_id = any (cast(:ids as uuid[]))")
                    .param("ids", sellerOrderIds.subList(from, Math.min(sellerOrderIds.size(), from + 5_000)).stream().map(UUID::toString)
                            .toArray(String[]::new)).query(UUID.class).list());
        }
        return taken;
    }

    /** Money by currency: what the buyers get back and what the platform pays for returns. */
    public record CurrencyTotal(String currency, Money voided, Money refunded, Money returnCosts) {
    }

    public record SellerCount(UUID sellerId, String sellerName, int toCancel, int toReturn) {
    }

    public record Preview(UUID disruptionId, int total, int toCancel, int toReturn, int sellers, List<CurrencyTotal> byCurrency,
            List<SellerCount> bySeller) {
    }

    /** What a remediation run would do now; nothing is written. */
    public Preview preview(UUID disruptionId) {
        var readOnly = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        readOnly.setReadOnly(true);
        return ActorContext.callAs(Actor.system("disruption-preview"), () -> readOnly.execute(s -> summarize(disruptionId, affected(get(disruptionId)))));
    }

    static Preview summarize(UUID disruptionId, List<Affected> affected) {
        Map<String, CurrencyTotal> byCurrency = new TreeMap<>();
        for (Affected a : affected) {
            Money zero = Money.zero(a.order().total().currency());
            Money voided = a.action().equals("cancel") ? a.order().total() : zero;
            Money refunded = a.action().equals("return") ? a.order().refundable() : zero;
            Money returnCost = a.action().equals("return") ? a.order().shipping() : zero;
            byCurrency.merge(zero.currency().code(), new CurrencyTotal(zero.currency().code(), voided, refunded, returnCost),
                    (x, y) -> new CurrencyTotal(x.currency(), x.voided().plus(y.voided()), x.refunded().plus(y.refunded()),
                            x.returnCosts().plus(y.returnCosts())));
        }
        Map<UUID, List<Affected>> bySeller = affected.stream().collect(Collectors.groupingBy(a -> a.order().sellerId()));
        List<SellerCount> sellers = bySeller.values().stream()
                .map(list -> new SellerCount(list.get(0).order().sellerId(), list.get(0).order().sellerName(),
                        (int) list.stream().filter(a -> a.action().equals("cancel")).count(),
                        (int) list.stream().filter(a -> a.action().equals("return")).count()))
                .sorted(Comparator.comparing(SellerCount::sellerName).thenComparing(SellerCount::sellerId)).toList();
        int toCancel = (int) affected.stream().filter(a -> a.action().equals("cancel")).count();
        return new Preview(disruptionId, affected.size(), toCancel, affected.size() - toCancel, sellers.size(), List.copyOf(byCurrency.values()), sellers);
    }
}
