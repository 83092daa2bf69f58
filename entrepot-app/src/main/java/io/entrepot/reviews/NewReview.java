package io.entrepot.reviews;

import java.util.List;
import java.util.UUID;

/** A buyer's review of one delivered order line; {@code email} is the order's, as proof of purchase. */
public record NewReview(UUID orderLineId, String email, int rating, String text, String locale, List<String> photoUrls) {
}
