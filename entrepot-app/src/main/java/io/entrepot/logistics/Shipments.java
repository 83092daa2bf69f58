package io.entrepot.logistics;

import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.SellerId;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Parcels of seller orders and what carriers report about them. A seller's shipment is created when
 * the seller ships (the order's payment is captured then); carriers send tracking events by API or
 * CSV. Each event is applied once (by the carrier's event id) in a transaction of its own, and moves
 * the shipment's status only forward, so duplicates and late arrivals are harmless. Delivery of an
 * outbound parcel delivers the order; a returned parcel back with the seller restocks its goods.
 */
@Service
public class Shipments {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ObjectProvider<OrderDesk> orders;

    Shipments(JdbcClient jdbc, TransactionTemplate tx, Clock clock, ObjectProvider<OrderDesk> orders) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.clock = clock;
        this.orders = orders;
    }

    public record Shipment(UUID id, UUID sellerOrderId, UUID sellerId, String direction, String originCountry, String destinationMarket,
            String carrierService, String trackingNumber, String status, Instant statusAt, @Nullable String checkpoint,
            @Nullable Money cost, List<Event> events) {
    }

    public record Event(String eventId, String carrier, String status, @Nullable String checkpoint, @Nullable String location, Instant occurredAt) {
    }

    /** A seller order leaving the seller's warehouse. */
    public record Dispatch(UUID sellerOrderId, SellerId sellerId, String originCountry, String market, String carrierService,
            @Nullable String trackingNumber) {
    }

    /**
     * The outbound shipment of a seller order, created on the first call (with the seller's tracking
     * number or one of ours) and returned as it is on later calls.
     */
    public Shipment dispatch(Dispatch d) {
        if (d.trackingNumber() != null && !d.trackingNumber().matches("[A-Za-z0-9-]{4,40}")) {
            throw new IllegalArgumentException("a tracking number has 4 to 40 letters, digits or dashes");
        }
        return ActorContext.callAs(Actor.system("shipment"), () -> tx.execute(s -> {
            Optional<UUID> lane = jdbc.sql("""
                    select id from logistics.lane where origin_country = :origin and destination_market = :market and carrier_service = :service
                    """).param("origin", d.originCountry()).param("market", d.market()).param("service", d.carrierService())
                    .query(UUID.class).optional();
            insert(d.sellerOrderId(), d.sellerId().value(), "outbound", lane.orElse(null), d.originCountry(), d.market(), d.carrierService(),
                    d.trackingNumber() == null ? newTrackingNumber() : d.trackingNumber(), null);
            return one(d.sellerOrderId(), "outbound").orElseThrow();
        }));
    }

    /** Return parcels for many seller orders with one statement (an order that has one already keeps it); the carrier service of each. */
    java.util.Map<UUID, String> createReturns(List<java.util.Map.Entry<OrderDesk.SellerOrder, Money>> parcels) {
        java.util.Map<UUID, String> services = new java.util.HashMap<>();
        if (parcels.isEmpty()) {
            return services;
        }
        List<String[]> rows = new ArrayList<>();
        for (var p : parcels) {
            OrderDesk.SellerOrder o = p.getKey();
            String service = o.carrierService() + " (return)";
            services.put(o.sellerOrderId(), service);
            rows.add(new String[] {Ids.newId(clock).toString(), o.sellerOrderId().toString(), o.sellerId().toString(), o.market(), o.originCountry(), service,
                    newTrackingNumber(), Long.toString(p.getValue().minor()), p.getValue().currency().code()});
        }
        java.util.function.IntFunction<String[]> column = i -> rows.stream().map(r -> r[i]).toArray(String[]::new);
        jdbc.sql("""
                insert into logistics.shipment (id, seller_order_id, seller_id, direction, lane_id, origin_country, destination_market, carrier_service,
                    tracking_number, status, status_rank, status_at, cost_minor, cost_currency, created_at, updated_at)
                select cast(u.id as uuid), cast(u.so as uuid), cast(u.seller as uuid), 'return', null, u.origin, u.destination, u.service, u.tracking,
                       'label_created', 0, :now, cast(u.cost as bigint), u.currency, :now, :now
                from unnest(cast(:ids as text[]), cast(:orders as text[]), cast(:sellers as text[]), cast(:origins as text[]), cast(:destinations as text[]),
                            cast(:services as text[]), cast(:trackings as text[]), cast(:costs as text[]), cast(:currencies as text[]))
                     as u (id, so, seller, origin, destination, service, tracking, cost, currency)
                on conflict (seller_order_id, direction) do nothing
                """).param("ids", column.apply(0)).param("orders", column.apply(1)).param("sellers", column.apply(2)).param("origins", column.apply(3))
                .param("destinations", column.apply(4)).param("services", column.apply(5)).param("trackings", column.apply(6))
                .param("costs", column.apply(7)).param("currencies", column.apply(8)).param("now", Timestamp.from(clock.instant())).update();
        return services;
    }

    private void insert(UUID sellerOrderId, UUID sellerId, String direction, @Nullable UUID lane, String origin, String destination, String service,
            String trackingNumber, @Nullable Money cost) {
        Instant now = clock.instant();
        jdbc.sql("""
                insert into logistics.shipment (id, seller_order_id, seller_id, direction, lane_id, origin_country, destination_market, carrier_service,
                    tracking_number, status, status_rank, status_at, cost_minor, cost_currency, created_at, updated_at)
                values (:id, :so, :seller, :direction, :lane, :origin, :destination, :service, :tracking, 'label_created', 0, :now, :cost, :currency, :now, :now)
                on conflict (seller_order_id, direction) do nothing
                """).param("id", Ids.newId(clock)).param("so", sellerOrderId).param("seller", sellerId).param("direction", direction)
                .param("lane", lane).param("origin", origin).param("destination", destination).param("service", service)
                .param("tracking", trackingNumber).param("cost", cost == null ? null : cost.minor())
                .param("currency", cost == null ? null : cost.currency().code()).param("now", Timestamp.from(now)).update();
    }

    private static String newTrackingNumber() {
        return "EP" + String.format("%012d", RANDOM.nextLong(1_000_000_000_000L)) + "XX";
    }

    // Tracking

    /** One event as a carrier reports it. */
    public record TrackingUpdate(String eventId, String trackingNumber, String status, @Nullable String checkpoint, @Nullable String location,
            Instant occurredAt) {
    }

    /** What became of one event: {@code applied}, {@code recorded} (kept, status already further), {@code duplicate} or {@code rejected}. */
    public record TrackingResult(String eventId, String outcome, @Nullable String detail) {
    }

    /** Applies a carrier's events, each on its own; a bad event is rejected without stopping the others. */
    public List<TrackingResult> track(String carrierCode, List<TrackingUpdate> updates) {
        List<TrackingResult> results = new ArrayList<>(updates.size());
        for (TrackingUpdate update : updates) {
            results.add(ActorContext.callAs(Actor.system("carrier-tracking"), () -> tx.execute(s -> apply(carrierCode, update))));
        }
        return results;
    }

    private TrackingResult apply(String carrierCode, TrackingUpdate u) {
        Optional<TrackingStatus> status = TrackingStatus.parse(u.status());
        if (status.isEmpty()) {
            return new TrackingResult(u.eventId(), "rejected", "unknown status " + u.status());
        }
        if (u.occurredAt().isAfter(clock.instant().plusSeconds(3600))) {
            return new TrackingResult(u.eventId(), "rejected", "occurredAt is in the future");
        }
        record Target(UUID id, UUID sellerOrderId, UUID sellerId, String direction, int rank) {
        }
        Optional<Target> found = jdbc.sql("""
                select id, seller_order_id, seller_id, direction, status_rank from logistics.shipment where tracking_number = :tracking for update
                """).param("tracking", u.trackingNumber())
                .query((rs, n) -> new Target(rs.getObject("id", UUID.class), rs.getObject("seller_order_id", UUID.class),
                        rs.getObject("seller_id", UUID.class), rs.getString("direction"), rs.getInt("status_rank"))).optional();
        if (found.isEmpty()) {
            return new TrackingResult(u.eventId(), "rejected", "no shipment has tracking number " + u.trackingNumber());
        }
        Target shipment = found.get();
        if (u.checkpoint() != null && jdbc.sql("select count(*) from logistics.checkpoint where code = :code").param("code", u.checkpoint())
                .query(Long.class).single() == 0) {
            return new TrackingResult(u.eventId(), "rejected", "unknown checkpoint " + u.checkpoint());
        }
        int inserted = jdbc.sql("""
                insert into logistics.tracking_event (id, shipment_id, seller_id, carrier_code, event_id, status, checkpoint_code, location, occurred_at, received_at)
                values (:id, :shipment, :seller, :carrier, :event, :status, :checkpoint, :location, :occurred, :now)
                on conflict (carrier_code, event_id) do nothing
                """).param("id", Ids.newId(clock)).param("shipment", shipment.id()).param("seller", shipment.sellerId()).param("carrier", carrierCode)
                .param("event", u.eventId()).param("status", status.get().key()).param("checkpoint", u.checkpoint()).param("location", u.location())
                .param("occurred", Timestamp.from(u.occurredAt())).param("now", Timestamp.from(clock.instant())).update();
        if (inserted == 0) {
            return new TrackingResult(u.eventId(), "duplicate", null);
        }
        if (status.get().rank() <= shipment.rank()) {
            return new TrackingResult(u.eventId(), "recorded", "the shipment is already further along");
        }
        jdbc.sql("""
                update logistics.shipment set status = :status, status_rank = :rank, status_at = :at,
                    checkpoint_code = coalesce(:checkpoint, checkpoint_code), updated_at = :now
                where id = :id
                """).param("status", status.get().key()).param("rank", status.get().rank()).param("at", Timestamp.from(u.occurredAt()))
                .param("checkpoint", u.checkpoint()).param("now", Timestamp.from(clock.instant())).param("id", shipment.id()).update();
        boolean arrived = status.get() == TrackingStatus.DELIVERED || status.get() == TrackingStatus.RETURNED_TO_SELLER;
        if (arrived && shipment.direction().equals("outbound") && status.get() == TrackingStatus.DELIVERED) {
            orders.getObject().delivered(shipment.sellerOrderId());
        } else if (arrived && shipment.direction().equals("return")) {
            orders.getObject().restock(shipment.sellerOrderId());
        }
        return new TrackingResult(u.eventId(), "applied", null);
    }

    // Reading (as the current actor: row-level security decides what a seller sees)

    public List<Shipment> ofSellerOrders(Collection<UUID> sellerOrderIds) {
        if (sellerOrderIds.isEmpty()) {
            return List.of();
        }
        return read(() -> withEvents(jdbc.sql("select * from logistics.shipment where seller_order_id in (:ids) order by created_at, direction")
                .param("ids", List.copyOf(sellerOrderIds)).query(Shipments::row).list()));
    }

    public Shipment byTrackingNumber(String trackingNumber) {
        return read(() -> withEvents(jdbc.sql("select * from logistics.shipment where tracking_number = :tracking").param("tracking", trackingNumber)
                .query(Shipments::row).list())).stream().findFirst().orElseThrow(() -> new NotFoundException("shipment", trackingNumber));
    }

    public List<Shipment> ofSeller(SellerId seller, int limit) {
        return read(() -> withEvents(jdbc.sql("select * from logistics.shipment where seller_id = :seller order by created_at desc limit :limit")
                .param("seller", seller.value()).param("limit", limit).query(Shipments::row).list()));
    }

    private <T> T read(java.util.function.Supplier<T> work) {
        var readOnly = new TransactionTemplate(java.util.Objects.requireNonNull(tx.getTransactionManager()));
        readOnly.setReadOnly(true);
        return readOnly.execute(s -> work.get());
    }

    private Optional<Shipment> one(UUID sellerOrderId, String direction) {
        return withEvents(jdbc.sql("select * from logistics.shipment where seller_order_id = :so and direction = :direction")
                .param("so", sellerOrderId).param("direction", direction).query(Shipments::row).list()).stream().findFirst();
    }

    private List<Shipment> withEvents(List<Shipment> shipments) {
        if (shipments.isEmpty()) {
            return shipments;
        }
        Map<UUID, List<Event>> events = new LinkedHashMap<>();
        jdbc.sql("select * from logistics.tracking_event where shipment_id in (:ids) order by occurred_at, received_at")
                .param("ids", shipments.stream().map(Shipment::id).toList())
                .query((ResultSet rs) -> {
                    events.computeIfAbsent(rs.getObject("shipment_id", UUID.class), k -> new ArrayList<>()).add(new Event(rs.getString("event_id"),
                            rs.getString("carrier_code"), rs.getString("status"), rs.getString("checkpoint_code"), rs.getString("location"),
                            rs.getTimestamp("occurred_at").toInstant()));
                });
        return shipments.stream().map(s -> new Shipment(s.id(), s.sellerOrderId(), s.sellerId(), s.direction(), s.originCountry(),
                s.destinationMarket(), s.carrierService(), s.trackingNumber(), s.status(), s.statusAt(), s.checkpoint(), s.cost(),
                List.copyOf(events.getOrDefault(s.id(), List.of())))).toList();
    }

    private static Shipment row(ResultSet rs, int n) throws SQLException {
        long cost = rs.getLong("cost_minor");
        Money money = rs.wasNull() ? null : Money.ofMinor(cost, rs.getString("cost_currency"));
        return new Shipment(rs.getObject("id", UUID.class), rs.getObject("seller_order_id", UUID.class), rs.getObject("seller_id", UUID.class),
                rs.getString("direction"), rs.getString("origin_country"), rs.getString("destination_market"), rs.getString("carrier_service"),
                rs.getString("tracking_number"), rs.getString("status"), rs.getTimestamp("status_at").toInstant(), rs.getString("checkpoint_code"),
                money, List.of());
    }
}
