package io.entrepot.market;

import java.util.Locale;

/** Who collects import tax from the buyer. */
public enum TaxCollection {
    /** The platform charges it at checkout (deemed supplier / marketplace collection). */
    PLATFORM_AT_CHECKOUT,
    /** Customs collects it from the buyer at the border: the checkout shows an estimate. */
    BORDER,
    /** The courier collects a bundled rate at clearance. */
    COURIER;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static TaxCollection fromKey(String key) {
        try {
            return valueOf(key.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tax collection must be platform_at_checkout, border or courier; got: " + key);
        }
    }
}
