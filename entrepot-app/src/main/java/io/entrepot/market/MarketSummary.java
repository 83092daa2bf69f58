package io.entrepot.market;

import io.entrepot.shared.CurrencyCode;

/** A market's identity: its ISO country code, name, currency and default locale. */
public record MarketSummary(String code, String name, CurrencyCode currency, String defaultLocale, boolean open) {
}
