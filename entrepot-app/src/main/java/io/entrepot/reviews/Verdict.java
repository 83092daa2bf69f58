package io.entrepot.reviews;

/** What the integrity policy does with a review. */
public enum Verdict {
    /** Shown on the storefront and counted in ratings. */
    PUBLISH,
    /** Kept back until trust & safety decides. */
    HOLD,
    /** Not shown, not counted; a confirmed fake on the seller's record. */
    REMOVE;

    /** The review's status this verdict gives it: published, held or removed. */
    public String status() {
        return switch (this) {
            case PUBLISH -> "published";
            case HOLD -> "held";
            case REMOVE -> "removed";
        };
    }
}
