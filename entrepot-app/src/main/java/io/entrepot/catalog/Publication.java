package io.entrepot.catalog;

import io.entrepot.market.MarketCode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Publish a product to markets: derive prices with the markup, or take the seller's explicit price per
 * market and SKU code (in the market's currency).
 */
public record Publication(List<MarketCode> markets, BigDecimal markupPct, Map<MarketCode, Map<String, BigDecimal>> explicitPrices) {

    public Publication {
        if (markets == null || markets.isEmpty() || markets.size() > 100) {
            throw new IllegalArgumentException("name 1 to 100 markets to publish to");
        }
        if (markets.stream().distinct().count() != markets.size()) {
            throw new IllegalArgumentException("each market may be named once");
        }
        if (markupPct.compareTo(BigDecimal.valueOf(-100)) <= 0 || markupPct.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("markup must be above -100% and at most 1000%");
        }
        markets = List.copyOf(markets);
        explicitPrices = Map.copyOf(explicitPrices);
    }
}
