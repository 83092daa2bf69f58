package io.entrepot.catalog;

import io.entrepot.market.MarketCode;
import java.util.List;
import java.util.UUID;

/** A product's standing in one market after publication. */
public record MarketOffer(UUID offerId, ProductId productId, MarketCode market, OfferStatus status, List<BlockReason> reasons,
        List<SkuPrice> prices) {

    public MarketOffer {
        reasons = List.copyOf(reasons);
        prices = List.copyOf(prices);
    }
}
