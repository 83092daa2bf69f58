package io.entrepot.governance;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Where the k-anonymous statistics get their raw facts: sales per seller and category of one market
 * and period. Ordering provides it; only {@link CategoryStatistics} reads it, and publishes only cells
 * that hide every seller. (An interface here, so that governance depends on no module holding seller
 * data and every such module can write to the access log.)
 */
public interface SalesSource {

    /** One seller's sales in one category. */
    record SellerCategorySales(String category, UUID sellerId, long units, long goodsMinor, String currency, long orders) {
    }

    List<SellerCategorySales> of(String market, Instant from, Instant to);
}
