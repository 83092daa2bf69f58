package io.entrepot.catalog;

import java.util.List;
import java.util.UUID;

/**
 * Published after a product's offers changed: what search needs to list it (live offers) or drop it
 * (blocked ones), as a snapshot of values.
 */
public record OffersChanged(UUID productId, UUID sellerId, String sellerName, String category, List<OfferSnapshot> offers) {

    /** One market's offer. {@code contents} are per language; absent languages fall back to {@code fallbackLanguage}. */
    public record OfferSnapshot(UUID offerId, String market, boolean live, long minPriceMinor, String currency,
            String fallbackLanguage, List<ContentSnapshot> contents) {
    }

    /** Many products' changes at once, from bulk work. */
    public record Batch(List<OffersChanged> products) {
    }

    /** A title and description in one language. */
    public record ContentSnapshot(String language, String title, String description) {
    }
}
