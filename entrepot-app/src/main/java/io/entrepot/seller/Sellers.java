package io.entrepot.seller;

import io.entrepot.seller.internal.SellerStore;
import io.entrepot.shared.Ids;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.SellerId;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The seller module's API. Calls run as the current actor; a seller sees only itself. */
@Service
public class Sellers {

    private final SellerStore store;
    private final Clock clock;

    Sellers(SellerStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Registers a seller, pending the operator's review unless {@code active} is asked for. */
    @Transactional
    public SellerId register(NewSeller seller, SellerStatus initialStatus) {
        var id = new SellerId(Ids.newId(clock));
        store.insert(id, seller, initialStatus, clock.instant());
        return id;
    }

    @Transactional(readOnly = true)
    public Optional<SellerProfile> find(SellerId id) {
        return store.find(id);
    }

    @Transactional(readOnly = true)
    public SellerProfile get(SellerId id) {
        return find(id).orElseThrow(() -> new NotFoundException("seller", id));
    }

    @Transactional(readOnly = true)
    public boolean exists(SellerId id) {
        return store.find(id).isPresent();
    }

    @Transactional(readOnly = true)
    public Map<SellerStatus, Long> countByStatus() {
        return store.countByStatus();
    }
}
