package io.entrepot.seller.internal;

import io.entrepot.seller.NewSeller;
import io.entrepot.seller.NewWarehouse;
import io.entrepot.seller.Restriction;
import io.entrepot.seller.SellerEvent;
import io.entrepot.seller.SellerProfile;
import io.entrepot.seller.SellerStatus;
import io.entrepot.seller.Warehouse;
import io.entrepot.seller.WarehouseKind;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.SellerId;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of the seller schema, filtered by row-level security. */
@Repository
public class SellerStore {

    private final JdbcClient jdbc;
    private final io.entrepot.shared.ReferenceData.Copies<SellerId, Optional<SellerProfile>> profiles;
    private final io.entrepot.shared.ReferenceData.Copies<SellerId, List<Warehouse>> warehouses;

    SellerStore(JdbcClient jdbc, io.entrepot.shared.ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.profiles = referenceData.copies("seller-profiles", 10_000);
        this.warehouses = referenceData.copies("seller-warehouses", 10_000);
    }

    public void insert(SellerId id, NewSeller seller, SellerStatus status, Instant now) {
        jdbc.sql("""
                insert into seller.seller (id, legal_name, display_name, country, status, created_at, registration_number,
                    origin_zone, payout_currency)
                values (:id, :legal, :display, :country, :status, :now, :registration, :zone, :payout)
                """)
                .param("id", id.value()).param("legal", seller.legalName()).param("display", seller.displayName())
                .param("country", seller.country()).param("status", status.key()).param("now", Timestamp.from(now))
                .param("registration", seller.registrationNumber()).param("zone", seller.originZone())
                .param("payout", seller.payoutCurrency() == null ? null : seller.payoutCurrency().code())
                .update();
    }

    public Optional<SellerProfile> find(SellerId id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /** Several sellers with one statement whatever their number; unknown (or hidden) ones are absent. */
    public Map<SellerId, SellerProfile> findAll(Collection<SellerId> ids) {
        Map<SellerId, SellerProfile> found = new LinkedHashMap<>();
        profiles.getAll(ids, missing -> {
            Map<SellerId, Optional<SellerProfile>> read = new LinkedHashMap<>();
            readAll(missing).forEach((id, profile) -> read.put(id, Optional.of(profile)));
            return read;
        }, Optional.empty()).forEach((id, profile) -> profile.ifPresent(p -> found.put(id, p)));
        return found;
    }

    private Map<SellerId, SellerProfile> readAll(Collection<SellerId> ids) {
        Map<SellerId, SellerProfile> found = new LinkedHashMap<>();
        jdbc.sql("""
                select s.*, array(select r.restriction from seller.restriction r where r.seller_id = s.id) as restrictions
                from seller.seller s where s.id = any (cast(:ids as uuid[]))
                """).param("ids", ids(ids))
                .query((rs, n) -> {
                    Set<Restriction> restrictions = EnumSet.noneOf(Restriction.class);
                    for (Object r : (Object[]) rs.getArray("restrictions").getArray()) {
                        restrictions.add(Restriction.fromKey((String) r));
                    }
                    return profile(rs, restrictions);
                })
                .list().forEach(p -> found.put(p.id(), p));
        return found;
    }

    /** The warehouses of several sellers in one statement, each seller's in the order they were added. */
    public Map<SellerId, List<Warehouse>> warehouses(Collection<SellerId> sellers) {
        Map<SellerId, List<Warehouse>> found = new LinkedHashMap<>();
        warehouses.getAll(sellers, this::readWarehouses, List.of()).forEach((id, list) -> {
            if (!list.isEmpty()) {
                found.put(id, list);
            }
        });
        return found;
    }

    private Map<SellerId, List<Warehouse>> readWarehouses(Collection<SellerId> sellers) {
        Map<SellerId, List<Warehouse>> found = new LinkedHashMap<>();
        jdbc.sql("select * from seller.warehouse where seller_id = any (cast(:sellers as uuid[])) order by seller_id, created_at")
                .param("sellers", ids(sellers))
                .query((rs, n) -> new Warehouse(rs.getObject("id", UUID.class), new SellerId(rs.getObject("seller_id", UUID.class)),
                        rs.getString("name"), WarehouseKind.fromKey(rs.getString("kind")), rs.getString("country")))
                .list().forEach(w -> found.computeIfAbsent(w.sellerId(), k -> new ArrayList<>()).add(w));
        found.replaceAll((seller, list) -> List.copyOf(list));
        return found;
    }

    /** One array parameter, however many ids (an expanded IN list is parsed and planned anew for each length). */
    private static String[] ids(Collection<SellerId> ids) {
        return ids.stream().map(id -> id.value().toString()).distinct().toArray(String[]::new);
    }

    private static SellerProfile profile(java.sql.ResultSet rs, Set<Restriction> restrictions) throws java.sql.SQLException {
        String payout = rs.getString("payout_currency");
        return new SellerProfile(new SellerId(rs.getObject("id", UUID.class)), rs.getString("legal_name"),
                rs.getString("display_name"), rs.getString("country"), SellerStatus.fromKey(rs.getString("status")),
                rs.getTimestamp("created_at").toInstant(), rs.getString("registration_number"),
                rs.getString("origin_zone"), payout == null ? null : CurrencyCode.of(payout), restrictions);
    }

    public boolean setStatus(SellerId id, SellerStatus status, Instant now) {
        return jdbc.sql("update seller.seller set status = :status, updated_at = :now where id = :id")
                .param("status", status.key()).param("now", Timestamp.from(now)).param("id", id.value()).update() == 1;
    }

    public Set<Restriction> restrictions(SellerId id) {
        Set<Restriction> restrictions = EnumSet.noneOf(Restriction.class);
        jdbc.sql("select restriction from seller.restriction where seller_id = :id").param("id", id.value())
                .query(String.class).list().forEach(r -> restrictions.add(Restriction.fromKey(r)));
        return restrictions;
    }

    /** Returns false when the restriction already stands. */
    public boolean impose(SellerId id, Restriction restriction, String reason, String actor, Instant now) {
        return jdbc.sql("""
                insert into seller.restriction (seller_id, restriction, reason, imposed_by, imposed_at)
                values (:id, :restriction, :reason, :actor, :now) on conflict do nothing
                """)
                .param("id", id.value()).param("restriction", restriction.key()).param("reason", reason)
                .param("actor", actor).param("now", Timestamp.from(now)).update() == 1;
    }

    public boolean lift(SellerId id, Restriction restriction) {
        return jdbc.sql("delete from seller.restriction where seller_id = :id and restriction = :restriction")
                .param("id", id.value()).param("restriction", restriction.key()).update() == 1;
    }

    public void addWarehouse(UUID id, SellerId seller, NewWarehouse warehouse, Instant now) {
        jdbc.sql("""
                insert into seller.warehouse (id, seller_id, name, kind, country, created_at)
                values (:id, :seller, :name, :kind, :country, :now)
                """)
                .param("id", id).param("seller", seller.value()).param("name", warehouse.name())
                .param("kind", warehouse.kind().key()).param("country", warehouse.country()).param("now", Timestamp.from(now))
                .update();
    }

    public List<Warehouse> warehouses(SellerId seller) {
        return warehouses(List.of(seller)).getOrDefault(seller, List.of());
    }

    public void recordEvent(UUID id, SellerId seller, String change, String detail, String reason, String actor, Instant now) {
        jdbc.sql("""
                insert into seller.seller_event (id, seller_id, change, detail, reason, actor, created_at)
                values (:id, :seller, :change, :detail, :reason, :actor, :now)
                """)
                .param("id", id).param("seller", seller.value()).param("change", change).param("detail", detail)
                .param("reason", reason).param("actor", actor).param("now", Timestamp.from(now)).update();
    }

    public List<SellerEvent> events(SellerId seller) {
        return jdbc.sql("select * from seller.seller_event where seller_id = :seller order by created_at, id")
                .param("seller", seller.value())
                .query((rs, n) -> new SellerEvent(rs.getString("change"), rs.getString("detail"), rs.getString("reason"),
                        rs.getString("actor"), rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    public Map<SellerStatus, Long> countByStatus() {
        Map<SellerStatus, Long> counts = new EnumMap<>(SellerStatus.class);
        for (SellerStatus status : SellerStatus.values()) {
            counts.put(status, 0L);
        }
        jdbc.sql("select status, count(*) as n from seller.seller group by status")
                .query(rs -> {
                    counts.put(SellerStatus.fromKey(rs.getString("status")), rs.getLong("n"));
                });
        return counts;
    }
}
