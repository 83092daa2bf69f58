package io.entrepot.catalog.internal;

import io.entrepot.catalog.BlockReason;
import io.entrepot.catalog.BulkPublication;
import io.entrepot.catalog.OffersChanged;
import io.entrepot.market.DerivedPrice;
import io.entrepot.market.Market;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Markets;
import io.entrepot.market.Prices;
import io.entrepot.market.TradeRules;
import io.entrepot.seller.SellerProfile;
import io.entrepot.seller.Sellers;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Ids;
import io.entrepot.shared.Money;
import io.entrepot.shared.SellerId;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Publishes a seller's whole catalogue to one market, set-wise: the checks that are the same for every
 * product (seller, market, rules, lanes, rates) run once, each product's own checks (category, content)
 * and prices are computed in memory, and offers and prices are written in JDBC batches of a thousand
 * products. The same rules as a single publication, at bulk speed.
 */
@Component
public class BulkPublisher {

    private static final int CHUNK = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Sellers sellers;
    private final Markets markets;
    private final Prices prices;
    private final PublicationChecks checks;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    BulkPublisher(JdbcClient jdbc, JdbcTemplate batch, Sellers sellers, Markets markets, Prices prices, PublicationChecks checks,
            ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.sellers = sellers;
        this.markets = markets;
        this.prices = prices;
        this.checks = checks;
        this.events = events;
        this.clock = clock;
    }

    /** Must run inside a transaction, as the seller or a system purpose. */
    public BulkPublication publishAll(SellerId sellerId, MarketCode code, BigDecimal markupPct) {
        Market market = markets.get(code);
        SellerProfile seller = sellers.get(sellerId);
        Instant now = clock.instant();
        Optional<TradeRules> rules = markets.rulesAt(code, now);
        List<BlockReason> common = checks.sellerAndMarket(seller, checks.origins(seller), market, rules);
        Prices.Run pricing = prices.run(); // each currency's rate to the market looked up once

        int products = 0;
        int live = 0;
        int priced = 0;
        Map<BlockReason, Integer> reasonCounts = new EnumMap<>(BlockReason.class);
        UUID after = new UUID(0, 0);
        while (true) {
            List<ProductRow> page = products(sellerId, after);
            if (page.isEmpty()) {
                break;
            }
            after = page.getLast().id();
            Map<UUID, List<SkuRow>> skus = skus(page);
            Map<UUID, UUID> existing = existingOffers(page, code);
            List<Object[]> offerRows = new ArrayList<>();
            List<Object[]> priceRows = new ArrayList<>();
            List<Object[]> historyRows = new ArrayList<>();
            Map<UUID, OffersChanged> changed = new LinkedHashMap<>();
            for (ProductRow product : page) {
                List<BlockReason> reasons = new ArrayList<>(common);
                PublicationChecks.product(reasons, rules, product.category(), product.allowFallback(), product.languages(), market);
                List<Object[]> productPrices = new ArrayList<>();
                UUID offerId = existing.getOrDefault(product.id(), Ids.newId(clock));
                long min = Long.MAX_VALUE;
                for (SkuRow sku : skus.getOrDefault(product.id(), List.of())) {
                    Optional<DerivedPrice> derived = pricing.derive(sku.base(), code, markupPct);
                    if (derived.isEmpty()) {
                        if (!reasons.contains(BlockReason.NO_FRESH_EXCHANGE_RATE)) {
                            reasons.add(BlockReason.NO_FRESH_EXCHANGE_RATE);
                        }
                        continue;
                    }
                    Money price = derived.get().price();
                    min = Math.min(min, price.minor());
                    productPrices.add(new Object[] {offerId, sku.id(), sellerId.value(), price.minor(), price.currency().code(),
                            derived.get().rate().rate(), Timestamp.from(derived.get().rate().asOf()), Timestamp.from(now)});
                }
                boolean isLive = reasons.isEmpty();
                offerRows.add(new Object[] {offerId, product.id(), sellerId.value(), code.value(), isLive ? "live" : "blocked",
                        String.join(",", reasons.stream().map(Enum::name).toList()), markupPct, Timestamp.from(now), Timestamp.from(now)});
                if (isLive) {
                    priceRows.addAll(productPrices);
                    for (Object[] p : productPrices) {
                        historyRows.add(new Object[] {p[0], p[1], p[2], p[3], p[4], p[5], "bulk publication", Timestamp.from(now)});
                    }
                    live++;
                    priced += productPrices.size();
                } else {
                    reasons.forEach(r -> reasonCounts.merge(r, 1, Integer::sum));
                }
                products++;
                changed.put(product.id(), new OffersChanged(product.id(),
                        sellerId.value(), seller.displayName(), product.category(), List.of(new OffersChanged.OfferSnapshot(offerId,
                        code.value(), isLive, min == Long.MAX_VALUE ? 0 : min, market.currency().code(), product.fallbackLanguage(),
                        product.contents()))));
            }
            batch.batchUpdate("""
                    insert into catalog.offer (id, product_id, seller_id, market_code, status, reasons, markup_pct, published_at, updated_at)
                    values (?, ?, ?, ?, ?, coalesce(string_to_array(nullif(?, ''), ','), '{}'), ?, ?, ?)
                    on conflict (product_id, market_code) do update set status = excluded.status, reasons = excluded.reasons,
                        markup_pct = excluded.markup_pct, updated_at = excluded.updated_at
                    """, offerRows);
            batch.batchUpdate("""
                    insert into catalog.offer_price (offer_id, sku_id, seller_id, price_minor, currency, explicit_price, fx_rate, fx_as_of, updated_at)
                    values (?, ?, ?, ?, ?, false, ?, ?, ?)
                    on conflict (offer_id, sku_id) do update set price_minor = excluded.price_minor, currency = excluded.currency,
                        explicit_price = false, fx_rate = excluded.fx_rate, fx_as_of = excluded.fx_as_of, updated_at = excluded.updated_at
                    """, priceRows);
            batch.batchUpdate("""
                    insert into catalog.offer_price_history (offer_id, sku_id, seller_id, price_minor, currency, fx_rate, cause, recorded_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    """, historyRows);
            events.publishEvent(new OffersChanged.Batch(List.copyOf(changed.values())));
        }
        return new BulkPublication(code, products, live, products - live, priced, reasonCounts);
    }

    private List<ProductRow> products(SellerId seller, UUID after) {
        return jdbc.sql("""
                select p.id, p.category, p.allow_fallback, p.fallback_locale,
                       array_agg(c.locale order by c.locale) as locales, array_agg(c.title order by c.locale) as titles,
                       array_agg(c.description order by c.locale) as descriptions
                from catalog.product p join catalog.product_content c on c.product_id = p.id
                where p.seller_id = :seller and p.id > :after
                group by p.id order by p.id limit :limit
                """)
                .param("seller", seller.value()).param("after", after).param("limit", CHUNK)
                .query((rs, n) -> {
                    String[] locales = (String[]) rs.getArray("locales").getArray();
                    String[] titles = (String[]) rs.getArray("titles").getArray();
                    String[] descriptions = (String[]) rs.getArray("descriptions").getArray();
                    List<OffersChanged.ContentSnapshot> contents = new ArrayList<>();
                    for (int i = 0; i < locales.length; i++) {
                        contents.add(new OffersChanged.ContentSnapshot(Locale.forLanguageTag(locales[i]).getLanguage(), titles[i], descriptions[i]));
                    }
                    return new ProductRow(rs.getObject("id", UUID.class), rs.getString("category"), rs.getBoolean("allow_fallback"),
                            Locale.forLanguageTag(rs.getString("fallback_locale")).getLanguage(), contents);
                })
                .list();
    }

    private Map<UUID, List<SkuRow>> skus(List<ProductRow> products) {
        return jdbc.sql("select id, product_id, base_price_minor, base_currency from catalog.sku where product_id = any (cast(:ids as uuid[]))")
                .param("ids", products.stream().map(p -> p.id().toString()).toArray(String[]::new))
                .query((rs, n) -> new SkuRow(rs.getObject("id", UUID.class), rs.getObject("product_id", UUID.class),
                        new Money(rs.getLong("base_price_minor"), CurrencyCode.of(rs.getString("base_currency")))))
                .list().stream().collect(Collectors.groupingBy(SkuRow::productId));
    }

    private Map<UUID, UUID> existingOffers(List<ProductRow> products, MarketCode market) {
        Map<UUID, UUID> offers = new HashMap<>();
        jdbc.sql("select product_id, id from catalog.offer where market_code = :market and product_id = any (cast(:ids as uuid[]))")
                .param("market", market.value())
                .param("ids", products.stream().map(p -> p.id().toString()).toArray(String[]::new))
                .query(rs -> {
                    offers.put(rs.getObject("product_id", UUID.class), rs.getObject("id", UUID.class));
                });
        return offers;
    }

    private record ProductRow(UUID id, String category, boolean allowFallback, String fallbackLanguage,
            List<OffersChanged.ContentSnapshot> contents) {
        List<String> languages() {
            return contents.stream().map(OffersChanged.ContentSnapshot::language).toList();
        }
    }

    private record SkuRow(UUID id, UUID productId, Money base) {
    }
}
