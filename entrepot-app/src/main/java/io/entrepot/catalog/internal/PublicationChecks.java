package io.entrepot.catalog.internal;

import io.entrepot.catalog.BlockReason;
import io.entrepot.logistics.Lanes;
import io.entrepot.market.Market;
import io.entrepot.market.TradeRules;
import io.entrepot.seller.Restriction;
import io.entrepot.seller.SellerProfile;
import io.entrepot.seller.SellerStatus;
import io.entrepot.seller.Sellers;
import io.entrepot.seller.Warehouse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The rules that decide whether a product may be LIVE in a market, in one place for single and bulk
 * publication: what depends on the seller and the market (checked once per market), and what depends on
 * the product (category, content languages).
 */
@Component
public class PublicationChecks {

    private final Sellers sellers;
    private final Lanes lanes;

    PublicationChecks(Sellers sellers, Lanes lanes) {
        this.sellers = sellers;
        this.lanes = lanes;
    }

    /** The countries the seller ships from: its warehouses, else its own country. */
    public Set<String> origins(SellerProfile seller) {
        Set<String> countries = sellers.warehouses(seller.id()).stream().map(Warehouse::country).collect(Collectors.toSet());
        return countries.isEmpty() ? Set.of(seller.country()) : countries;
    }

    /** Reasons that block every product of this seller in this market. */
    public List<BlockReason> sellerAndMarket(SellerProfile seller, Set<String> origins, Market market, Optional<TradeRules> rules) {
        List<BlockReason> reasons = new ArrayList<>();
        if (seller.status() != SellerStatus.ACTIVE) {
            reasons.add(BlockReason.SELLER_NOT_ACTIVE);
        }
        if (seller.has(Restriction.CANNOT_PUBLISH)) {
            reasons.add(BlockReason.SELLER_CANNOT_PUBLISH);
        }
        if (!market.open()) {
            reasons.add(BlockReason.MARKET_PAUSED);
        }
        if (rules.isEmpty()) {
            reasons.add(BlockReason.NO_TRADE_RULES);
        }
        if (!lanes.reaches(origins, market.code().value())) {
            reasons.add(BlockReason.NO_SHIPPING_LANE);
        }
        return reasons;
    }

    /** Adds the reasons that block this product in the market. */
    public static void product(List<BlockReason> reasons, Optional<TradeRules> rules, String category, boolean allowFallback,
            Collection<String> contentLanguages, Market market) {
        if (rules.isPresent() && rules.get().prohibits(category)) {
            reasons.add(BlockReason.CATEGORY_PROHIBITED);
        }
        boolean hasLanguage = market.locales().stream().map(Locale::getLanguage).anyMatch(contentLanguages::contains);
        if (!hasLanguage && !allowFallback) {
            reasons.add(BlockReason.NO_CONTENT_IN_MARKET_LANGUAGE);
        }
    }
}
