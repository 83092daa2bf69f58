package io.entrepot.seller;

import io.entrepot.seller.internal.SellerStore;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.Ids;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.SellerId;
import io.entrepot.zones.PilotZones;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The seller module's API. Calls run as the current actor; a seller sees only itself. Every change of
 * status or restriction is recorded with its reason, actor and time.
 */
@Service
@Transactional(readOnly = true)
public class Sellers {

    private final SellerStore store;
    private final PilotZones zones;
    private final Clock clock;

    Sellers(SellerStore store, PilotZones zones, Clock clock) {
        this.store = store;
        this.zones = zones;
        this.clock = clock;
    }

    /** Registers a seller with its warehouses, pending the operator's review unless active is asked for. */
    @Transactional(readOnly = false)
    public SellerId register(NewSeller seller, SellerStatus initialStatus) {
        if (initialStatus != SellerStatus.PENDING_REVIEW && initialStatus != SellerStatus.ACTIVE) {
            throw new IllegalArgumentException("a new seller is pending_review or active");
        }
        NewSeller checked = seller;
        if (seller.originZone() != null) {
            var zone = zones.find(seller.originZone())
                    .orElseThrow(() -> new IllegalArgumentException("'" + seller.originZone() + "' is not a known cross-border e-commerce pilot zone"));
            checked = new NewSeller(seller.legalName(), seller.displayName(), seller.country(), seller.registrationNumber(),
                    zone.city(), seller.payoutCurrency(), seller.warehouses());
        }
        var id = new SellerId(Ids.newId(clock));
        store.insert(id, checked, initialStatus, clock.instant());
        for (NewWarehouse warehouse : checked.warehouses()) {
            store.addWarehouse(Ids.newId(clock), id, warehouse, clock.instant());
        }
        record(id, "registered", initialStatus.key(), "registration");
        return id;
    }

    public Optional<SellerProfile> find(SellerId id) {
        return store.find(id);
    }

    public SellerProfile get(SellerId id) {
        return find(id).orElseThrow(() -> new NotFoundException("seller", id));
    }

    /** Several sellers at once (one statement whatever their number); unknown ones are absent from the map. */
    public Map<SellerId, SellerProfile> findAll(java.util.Collection<SellerId> ids) {
        return ids.isEmpty() ? Map.of() : store.findAll(ids);
    }

    /** The warehouses of several sellers in one statement. */
    public Map<SellerId, List<Warehouse>> warehouses(java.util.Collection<SellerId> ids) {
        return ids.isEmpty() ? Map.of() : store.warehouses(ids);
    }

    public boolean exists(SellerId id) {
        return store.find(id).isPresent();
    }

    /** Whether the seller may do what the restriction forbids; unknown sellers may do nothing. */
    public boolean isRestricted(SellerId id, Restriction restriction) {
        return store.restrictions(id).contains(restriction);
    }

    @Transactional(readOnly = false)
    public SellerProfile approve(SellerId id, String reason) {
        return changeStatus(id, Set.of(SellerStatus.PENDING_REVIEW), SellerStatus.ACTIVE, reason);
    }

    @Transactional(readOnly = false)
    public SellerProfile suspend(SellerId id, String reason) {
        return changeStatus(id, Set.of(SellerStatus.ACTIVE, SellerStatus.PENDING_REVIEW), SellerStatus.SUSPENDED, reason);
    }

    @Transactional(readOnly = false)
    public SellerProfile reinstate(SellerId id, String reason) {
        return changeStatus(id, Set.of(SellerStatus.SUSPENDED), SellerStatus.ACTIVE, reason);
    }

    private SellerProfile changeStatus(SellerId id, Set<SellerStatus> from, SellerStatus to, String reason) {
        requireReason(reason);
        SellerProfile seller = get(id);
        if (!from.contains(seller.status())) {
            throw new ConflictException("seller-status", "seller " + id + " is " + seller.status().key() + ", so it cannot become " + to.key());
        }
        if (!store.setStatus(id, to, clock.instant())) {
            throw new NotFoundException("seller", id);
        }
        record(id, "status", seller.status().key() + " → " + to.key(), reason);
        return get(id);
    }

    @Transactional(readOnly = false)
    public SellerProfile restrict(SellerId id, Restriction restriction, String reason) {
        requireReason(reason);
        get(id);
        if (store.impose(id, restriction, reason.strip(), ActorContext.currentName(), clock.instant())) {
            record(id, "restriction imposed", restriction.key(), reason);
        }
        return get(id);
    }

    @Transactional(readOnly = false)
    public SellerProfile lift(SellerId id, Restriction restriction, String reason) {
        requireReason(reason);
        get(id);
        if (store.lift(id, restriction)) {
            record(id, "restriction lifted", restriction.key(), reason);
        }
        return get(id);
    }

    @Transactional(readOnly = false)
    public Warehouse addWarehouse(SellerId id, NewWarehouse warehouse) {
        get(id);
        UUID warehouseId = Ids.newId(clock);
        store.addWarehouse(warehouseId, id, warehouse, clock.instant());
        return store.warehouses(id).stream().filter(w -> w.id().equals(warehouseId)).findFirst().orElseThrow();
    }

    public List<Warehouse> warehouses(SellerId id) {
        return store.warehouses(id);
    }

    public List<SellerEvent> history(SellerId id) {
        get(id);
        return store.events(id);
    }

    public Map<SellerStatus, Long> countByStatus() {
        return store.countByStatus();
    }

    private void record(SellerId id, String change, String detail, String reason) {
        store.recordEvent(Ids.newId(clock), id, change, detail, reason.strip(), ActorContext.currentName(), clock.instant());
    }

    private static void requireReason(String reason) {
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new IllegalArgumentException("a reason of 1 to 500 characters is required");
        }
    }
}
