package io.entrepot.market;

import io.entrepot.shared.CurrencyCode;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/** Everything an operator states to open or change a market. */
public record MarketDefinition(MarketCode code, String name, CurrencyCode currency, int displayMinorUnits,
        List<Locale> locales, Locale defaultLocale, PriceRounding rounding, int returnWindowDays, String returnBasis) {

    public MarketDefinition {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(currency, "currency");
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("name must have 1 to 100 characters");
        }
        if (displayMinorUnits < 0 || displayMinorUnits > currency.minorUnits()) {
            throw new IllegalArgumentException("display decimals must be between 0 and " + currency.minorUnits() + " for " + currency);
        }
        if (locales == null || locales.isEmpty()) {
            throw new IllegalArgumentException("a market needs at least one locale");
        }
        if (!locales.contains(defaultLocale)) {
            throw new IllegalArgumentException("the default locale must be one of the market's locales");
        }
        if (returnWindowDays < 0 || returnWindowDays > 365) {
            throw new IllegalArgumentException("return window must be between 0 and 365 days");
        }
        locales = List.copyOf(locales);
        name = name.strip();
        returnBasis = returnBasis == null ? "" : returnBasis.strip();
    }
}
