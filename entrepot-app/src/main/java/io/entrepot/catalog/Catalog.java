package io.entrepot.catalog;

import io.entrepot.catalog.internal.CatalogStore;
import io.entrepot.market.Market;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Markets;
import io.entrepot.market.Prices;
import io.entrepot.market.StaleRateException;
import io.entrepot.market.TradeRules;
import io.entrepot.seller.SellerProfile;
import io.entrepot.seller.Sellers;
import io.entrepot.seller.Warehouse;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.NotFoundException;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog module's API: a seller's one global catalog and its offers in each market. Publishing
 * checks each market on its own (open, category allowed by the rules in force, a lane from one of the
 * seller's warehouses, content in a language of the market) and prices it; the answer says LIVE or
 * BLOCKED with reasons. Runs as the current actor: a seller reaches only its own products.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

    private final CatalogStore store;
    private final Sellers sellers;
    private final Markets markets;
    private final Prices prices;
    private final io.entrepot.catalog.internal.PublicationChecks checks;
    private final Clock clock;
    private final io.entrepot.catalog.internal.BulkPublisher bulk;
    private final io.entrepot.catalog.internal.ProductsChangedNotifier notifier;

    Catalog(CatalogStore store, Sellers sellers, Markets markets, Prices prices, io.entrepot.catalog.internal.PublicationChecks checks,
            Clock clock, io.entrepot.catalog.internal.BulkPublisher bulk, io.entrepot.catalog.internal.ProductsChangedNotifier notifier) {
        this.bulk = bulk;
        this.notifier = notifier;
        this.store = store;
        this.sellers = sellers;
        this.markets = markets;
        this.prices = prices;
        this.checks = checks;
        this.clock = clock;
    }

    @Transactional(readOnly = false)
    public ProductId create(SellerId seller, NewProduct product) {
        validate(seller, product);
        var id = new ProductId(Ids.newId(clock));
        store.insertProduct(id, seller, product, clock.instant());
        writeSkus(id, seller, product);
        return id;
    }

    /** Replaces the product's fields and content; SKUs are matched by code, added or updated, never removed. */
    @Transactional(readOnly = false)
    public Product update(ProductId id, NewProduct product) {
        Product existing = get(id);
        validate(existing.sellerId(), product);
        store.updateProduct(id, existing.sellerId(), product, clock.instant());
        writeSkus(id, existing.sellerId(), product);
        // Live offers show the new content in search.
        notifier.productChanged(id.value());
        return get(id);
    }

    public Product get(ProductId id) {
        return store.findProduct(id).orElseThrow(() -> new NotFoundException("product", id));
    }

    /** The product a market offer sells, read as the current actor. */
    public Optional<ProductId> productOfOffer(UUID offerId) {
        return store.productOfOffer(offerId);
    }

    public List<ProductId> productsOf(SellerId seller, int limit) {
        return store.productIdsOf(seller, limit);
    }

    public List<CatalogStore.Category> categories() {
        return store.categories();
    }

    public List<CatalogStore.OfferRow> offersOf(SellerId seller, Optional<MarketCode> market) {
        return store.offers(seller, market.map(MarketCode::value).orElse(null));
    }

    public List<CatalogStore.OfferRow> offersOf(ProductId product) {
        get(product);
        return store.offersOfProduct(product);
    }

    public List<CatalogStore.PriceChange> priceHistory(ProductId product, MarketCode market) {
        return store.offersOfProduct(product).stream().filter(o -> o.market().equals(market.value())).findFirst()
                .map(o -> store.priceHistory(o.offerId()))
                .orElseThrow(() -> new NotFoundException("offer of product " + product + " in market", market));
    }

    /** Publishes the product to each market; unknown markets are refused before anything is written. */
    @Transactional(readOnly = false)
    public List<MarketOffer> publish(ProductId id, Publication publication) {
        Product product = get(id);
        List<Market> targets = publication.markets().stream().map(markets::get).toList();
        for (MarketCode code : publication.explicitPrices().keySet()) {
            if (!publication.markets().contains(code)) {
                throw new IllegalArgumentException("an explicit price names market " + code + ", which is not being published to");
            }
        }
        SellerProfile seller = sellers.get(product.sellerId());
        Set<String> origins = checks.origins(seller);
        List<String> languages = product.contents().stream().map(Content::language).toList();
        Instant now = clock.instant();
        List<MarketOffer> result = new ArrayList<>();
        for (Market market : targets) {
            Optional<TradeRules> rules = markets.rulesAt(market.code(), now);
            List<BlockReason> reasons = checks.sellerAndMarket(seller, origins, market, rules);
            io.entrepot.catalog.internal.PublicationChecks.product(reasons, rules, product.category(), product.allowFallback(),
                    languages, market);
            List<SkuPrice> skuPrices = price(product, market, publication, reasons);
            OfferStatus status = reasons.isEmpty() ? OfferStatus.LIVE : OfferStatus.BLOCKED;
            UUID offerId = store.upsertOffer(Ids.newId(clock), id, product.sellerId(), market.code().value(), status, reasons,
                    publication.markupPct(), now);
            if (status == OfferStatus.LIVE) {
                for (SkuPrice price : skuPrices) {
                    Sku sku = product.skus().stream().filter(s -> s.code().equals(price.skuCode())).findFirst().orElseThrow();
                    store.setPrice(offerId, sku.id(), product.sellerId(), price.price(), price.explicit(), price.fxRate(),
                            null, "publication", now);
                }
            }
            var offer = new MarketOffer(offerId, id, market.code(), status, reasons, status == OfferStatus.LIVE ? skuPrices : List.of());
            result.add(offer);
        }
        notifier.productChanged(id.value());
        return result;
    }

    /**
     * Publishes every product of the seller to one market (a newly opened one, say) with derived prices,
     * by the same rules as {@link #publish}, in bulk.
     */
    @Transactional(readOnly = false)
    public BulkPublication publishAll(SellerId seller, MarketCode market, BigDecimal markupPct) {
        if (markupPct.compareTo(BigDecimal.valueOf(-100)) <= 0 || markupPct.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("markup must be above -100% and at most 1000%");
        }
        return bulk.publishAll(seller, market, markupPct);
    }

    private List<SkuPrice> price(Product product, Market market, Publication publication, List<BlockReason> reasons) {
        Map<String, BigDecimal> explicit = publication.explicitPrices().getOrDefault(market.code(), Map.of());
        for (String code : explicit.keySet()) {
            if (product.skus().stream().noneMatch(s -> s.code().equals(code))) {
                throw new IllegalArgumentException("the explicit price for " + market.code() + " names SKU " + code + ", which the product does not have");
            }
        }
        List<SkuPrice> result = new ArrayList<>();
        for (Sku sku : product.skus()) {
            BigDecimal given = explicit.get(sku.code());
            if (given != null) {
                if (given.signum() < 0) {
                    throw new IllegalArgumentException("the explicit price of " + sku.code() + " in " + market.code() + " is negative");
                }
                result.add(new SkuPrice(sku.code(), Money.of(given, market.currency()), true, null));
                continue;
            }
            try {
                var derived = prices.derive(sku.basePrice(), market.code(), publication.markupPct());
                result.add(new SkuPrice(sku.code(), derived.price(), false, derived.rate().rate()));
            } catch (StaleRateException | NotFoundException e) {
                if (!reasons.contains(BlockReason.NO_FRESH_EXCHANGE_RATE)) {
                    reasons.add(BlockReason.NO_FRESH_EXCHANGE_RATE);
                }
            }
        }
        return result;
    }

    private void validate(SellerId seller, NewProduct product) {
        if (!store.categoryExists(product.category())) {
            throw new IllegalArgumentException("unknown category '" + product.category() + "'");
        }
        Set<UUID> warehouses = sellers.warehouses(seller).stream().map(Warehouse::id).collect(Collectors.toSet());
        for (NewSku sku : product.skus()) {
            for (UUID warehouse : sku.stock().keySet()) {
                if (!warehouses.contains(warehouse)) {
                    throw new IllegalArgumentException("SKU " + sku.code() + ": warehouse " + warehouse + " is not one of yours");
                }
            }
        }
    }

    private void writeSkus(ProductId id, SellerId seller, NewProduct product) {
        for (NewSku sku : product.skus()) {
            UUID skuId = store.upsertSku(Ids.newId(clock), id, seller, sku);
            sku.stock().forEach((warehouse, available) -> store.setStock(skuId, warehouse, seller, available));
        }
    }
}
