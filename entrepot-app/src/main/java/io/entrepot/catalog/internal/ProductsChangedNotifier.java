package io.entrepot.catalog.internal;

import io.entrepot.catalog.OfferStatus;
import io.entrepot.catalog.OffersChanged;
import io.entrepot.catalog.Product;
import io.entrepot.catalog.ProductId;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Markets;
import io.entrepot.seller.Sellers;
import io.entrepot.shared.Money;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/** Tells the rest of the platform (search) what a product's offers look like now. */
@Component
public class ProductsChangedNotifier {

    private final CatalogStore store;
    private final Sellers sellers;
    private final Markets markets;
    private final ApplicationEventPublisher events;

    ProductsChangedNotifier(CatalogStore store, Sellers sellers, Markets markets, ApplicationEventPublisher events) {
        this.store = store;
        this.sellers = sellers;
        this.markets = markets;
        this.events = events;
    }

    public void productChanged(UUID productId) {
        Product product = store.findProduct(new ProductId(productId)).orElseThrow();
        Map<UUID, List<CatalogStore.OfferRow>> offers = store.offersOfProduct(product.id()).stream()
                .collect(Collectors.groupingBy(CatalogStore.OfferRow::offerId, LinkedHashMap::new, Collectors.toList()));
        List<OffersChanged.ContentSnapshot> contents = product.contents().stream()
                .map(c -> new OffersChanged.ContentSnapshot(c.language(), c.title(), c.description())).toList();
        List<OffersChanged.OfferSnapshot> snapshots = new ArrayList<>();
        for (List<CatalogStore.OfferRow> rows : offers.values()) {
            var first = rows.getFirst();
            long min = rows.stream().filter(r -> r.price() != null).mapToLong(r -> r.price().minor()).min().orElse(0);
            String currency = rows.stream().map(CatalogStore.OfferRow::price).filter(java.util.Objects::nonNull).map(Money::currency)
                    .findFirst().map(c -> c.code()).orElseGet(() -> markets.get(MarketCode.of(first.market())).currency().code());
            snapshots.add(new OffersChanged.OfferSnapshot(first.offerId(), first.market(), first.status() == OfferStatus.LIVE, min,
                    currency, product.fallbackContent().language(), contents));
        }
        events.publishEvent(new OffersChanged(productId, product.sellerId().value(), sellers.get(product.sellerId()).displayName(),
                product.category(), snapshots));
    }
}
