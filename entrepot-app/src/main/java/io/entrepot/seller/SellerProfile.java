package io.entrepot.seller;

import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.SellerId;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** A seller as other modules and the API see it. */
public record SellerProfile(SellerId id, String legalName, String displayName, String country, SellerStatus status,
        Instant createdAt, @Nullable String registrationNumber, @Nullable String originZone,
        @Nullable CurrencyCode payoutCurrency, Set<Restriction> restrictions) {

    public SellerProfile {
        restrictions = Set.copyOf(restrictions);
    }

    public boolean has(Restriction restriction) {
        return restrictions.contains(restriction);
    }
}
