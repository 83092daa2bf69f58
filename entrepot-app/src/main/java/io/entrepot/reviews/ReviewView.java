package io.entrepot.reviews;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A review as trust &amp; safety and the seller see it: status, score and every signal. */
public record ReviewView(UUID id, String market, UUID sellerId, UUID productId, UUID offerId, UUID orderLineId, int rating, String text,
        String locale, List<String> photoUrls, String status, double score, List<Signal> signals, String decidedBy, @Nullable String reply,
        @Nullable Instant repliedAt, int reports, Instant createdAt) {
}
