package io.entrepot.seller.web;

import io.entrepot.seller.SellerProfile;
import java.time.Instant;
import java.util.UUID;

/** A seller as the REST API shows it. */
record SellerResource(UUID id, String legalName, String displayName, String country, String status, Instant createdAt) {

    static SellerResource of(SellerProfile profile) {
        return new SellerResource(profile.id().value(), profile.legalName(), profile.displayName(), profile.country(),
                profile.status().key(), profile.createdAt());
    }
}
