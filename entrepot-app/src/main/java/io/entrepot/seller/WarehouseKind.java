package io.entrepot.seller;

import java.util.Locale;

/** Where a warehouse stands relative to the seller. */
public enum WarehouseKind {
    /** In the seller's own country: parcels cross a border to every foreign market. */
    ORIGIN,
    /** Stock already placed abroad, close to buyers. */
    OVERSEAS;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static WarehouseKind fromKey(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("warehouse kind must be origin or overseas; got: " + key);
        }
    }
}
