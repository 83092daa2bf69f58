package io.entrepot.seller;

import java.util.Locale;

/** Where a seller stands with the platform. */
public enum SellerStatus {
    /** Registered, waiting for the operator's review. */
    PENDING_REVIEW,
    /** May sell. */
    ACTIVE,
    /** Temporarily barred from selling. */
    SUSPENDED,
    /** Left the platform. */
    CLOSED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static SellerStatus fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
