package io.entrepot.seller;

import java.time.Instant;

/** One change to a seller's standing: what changed, why, who did it and when. */
public record SellerEvent(String change, String detail, String reason, String actor, Instant at) {
}
