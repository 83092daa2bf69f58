package io.entrepot.catalog;

/** Whether buyers in the market can see and buy the product. */
public enum OfferStatus {
    /** Visible in the market's storefront and search. */
    LIVE,
    /** Not visible; the offer lists why. */
    BLOCKED
}
