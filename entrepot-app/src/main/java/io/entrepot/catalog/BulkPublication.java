package io.entrepot.catalog;

import io.entrepot.market.MarketCode;
import java.util.Map;

/** What publishing a seller's whole catalogue to one market did. */
public record BulkPublication(MarketCode market, int products, int live, int blocked, int prices, Map<BlockReason, Integer> reasons) {
}
