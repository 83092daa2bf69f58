package io.entrepot.market;

import java.util.Locale;

/** Whether a market takes new orders. */
public enum MarketStatus {
    /** Buyers can shop and order. */
    OPEN,
    /** Visible to operators only; no new orders until resumed. */
    PAUSED;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static MarketStatus fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
