package io.entrepot.reviews;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * What the storefront shows of a product's reviews: the rating summary over published reviews only
 * (removed and held ones do not count) and the reviews, those in the buyer's language first.
 */
public record ProductReviews(UUID productId, long count, double average, List<Long> histogram, List<PublicReview> reviews) {

    /** One published review: always a verified purchase. */
    public record PublicReview(UUID id, int rating, String text, String locale, List<String> photoUrls, boolean verifiedPurchase,
            @Nullable String sellerReply, Instant createdAt) {
    }
}
