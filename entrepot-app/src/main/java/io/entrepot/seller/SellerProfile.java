package io.entrepot.seller;

import io.entrepot.shared.SellerId;
import java.time.Instant;

/** A seller as other modules and the API see it. */
public record SellerProfile(SellerId id, String legalName, String displayName, String country, SellerStatus status,
        Instant createdAt) {
}
