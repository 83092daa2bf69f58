package io.entrepot.seller.web;

import io.entrepot.seller.Restriction;
import io.entrepot.seller.SellerProfile;
import io.entrepot.seller.Warehouse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A seller as the REST API shows it. */
record SellerResource(UUID id, String legalName, String displayName, String country, String status, Instant createdAt,
        @Nullable String registrationNumber, @Nullable String originZone, @Nullable String payoutCurrency,
        List<String> restrictions, List<WarehouseResource> warehouses) {

    record WarehouseResource(UUID id, String name, String kind, String country) {
        static WarehouseResource of(Warehouse w) {
            return new WarehouseResource(w.id(), w.name(), w.kind().key(), w.country());
        }
    }

    static SellerResource of(SellerProfile profile, List<Warehouse> warehouses) {
        return new SellerResource(profile.id().value(), profile.legalName(), profile.displayName(), profile.country(),
                profile.status().key(), profile.createdAt(), profile.registrationNumber(), profile.originZone(),
                profile.payoutCurrency() == null ? null : profile.payoutCurrency().code(),
                profile.restrictions().stream().map(Restriction::key).sorted().toList(),
                warehouses.stream().map(WarehouseResource::of).toList());
    }
}
