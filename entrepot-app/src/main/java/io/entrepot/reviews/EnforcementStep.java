package io.entrepot.reviews;

import java.util.Locale;

/** The rungs of the enforcement ladder, mildest first; each includes the ones below it. */
public enum EnforcementStep {
    /** A written warning to the seller. */
    WARNING,
    /** The seller's listings rank lower in search (through the search module's ranking hook). */
    RANKING_PENALTY,
    /** The seller may not join campaigns nor publish offers. */
    RESTRICTION,
    /** The seller's store is suspended. */
    SUSPENSION;

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EnforcementStep fromKey(String key) {
        return valueOf(key.toUpperCase(Locale.ROOT));
    }
}
