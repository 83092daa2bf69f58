package io.entrepot.reviews;

/**
 * One named piece of evidence that a review is fake: its value from 0 (nothing suspicious) to 1, its
 * weight (how far this signal alone can push the score) and a sentence a moderator can read.
 */
public record Signal(String name, double value, double weight, String explanation) {

    public static final String TEXT_GENERATED = "text.generated";
    public static final String TEXT_NEAR_DUPLICATE = "text.near_duplicate";
    public static final String REVIEWER_NEW_ACCOUNT = "reviewer.new_account";
    public static final String REVIEWER_THIN_HISTORY = "reviewer.thin_history";
    public static final String BURST = "behaviour.burst";
    public static final String RATING_DEVIATION = "behaviour.rating_deviation";
    public static final String FAST_AFTER_DELIVERY = "behaviour.fast_after_delivery";
    public static final String BUYER_SELLER_LINK = "behaviour.buyer_seller_link";
    public static final String BRUSHING = "behaviour.brushing";

    public Signal {
        if (!(value >= 0 && value <= 1) || !(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("a signal's value and weight lie between 0 and 1 (" + name + ": " + value + ", " + weight + ")");
        }
    }

    /** What this signal adds: value × weight. */
    public double contribution() {
        return value * weight;
    }
}
