package io.entrepot.search;

import io.entrepot.shared.Money;
import java.util.UUID;

/** One search hit: a live offer in the buyer's market and language, with its lowest SKU price. */
public record Listing(UUID offerId, UUID productId, UUID sellerId, String sellerName, String market, String language,
        String category, String title, String description, Money fromPrice) {
}
