package io.entrepot.governance;

import java.util.Locale;

/** Which of a seller's data an access grant opens; the database policies name the same keys. */
public enum AccessScope {
    ORDERS, CATALOG, SHIPMENTS, LEDGER, REVIEWS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static AccessScope fromKey(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown scope '" + key + "' (orders, catalog, shipments, ledger or reviews)");
        }
    }
}
