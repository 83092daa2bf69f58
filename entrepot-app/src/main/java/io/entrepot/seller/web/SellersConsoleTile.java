package io.entrepot.seller.web;

import io.entrepot.seller.SellerStatus;
import io.entrepot.seller.Sellers;
import io.entrepot.web.ConsoleTile;
import java.util.List;
import org.springframework.stereotype.Component;

/** Sellers by status on the console home. */
@Component
class SellersConsoleTile implements ConsoleTile {

    private final Sellers sellers;

    SellersConsoleTile(Sellers sellers) {
        this.sellers = sellers;
    }

    @Override
    public String titleKey() {
        return "seller.tile.title";
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<Figure> figures() {
        var counts = sellers.countByStatus();
        return List.of(SellerStatus.values()).stream()
                .map(status -> new Figure("seller.status." + status.key(), counts.get(status)))
                .toList();
    }
}
