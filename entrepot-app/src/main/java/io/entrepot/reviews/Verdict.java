package io.entrepot.reviews;

/** What the integrity policy does with a review. */
public enum Verdict {
    /** Shown on the storefront and counted in ratings. */
    PUBLISH,
    /** Kept back until trust & safety decides. */
    HOLD,
    /** Not shown, not counted; a confirmed fake on the seller's record. */
    REMOVE;

    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
