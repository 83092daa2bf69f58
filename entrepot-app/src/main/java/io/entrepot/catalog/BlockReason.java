package io.entrepot.catalog;

/** Why a product is not live in a market; machine-readable, one or more per blocked offer. */
public enum BlockReason {
    /** The seller is not active (pending review, suspended or closed). */
    SELLER_NOT_ACTIVE,
    /** The seller is restricted from publishing. */
    SELLER_CANNOT_PUBLISH,
    /** The market is paused. */
    MARKET_PAUSED,
    /** The market's trade rules in force prohibit the product's category. */
    CATEGORY_PROHIBITED,
    /** No trade rules are in force for the market, so compliance cannot be checked. */
    NO_TRADE_RULES,
    /** No lane reaches the market from any of the seller's warehouses. */
    NO_SHIPPING_LANE,
    /** No content in a language of the market, and fallback is not allowed. */
    NO_CONTENT_IN_MARKET_LANGUAGE,
    /** No exchange rate recent enough to derive the price, and no explicit price. */
    NO_FRESH_EXCHANGE_RATE
}
