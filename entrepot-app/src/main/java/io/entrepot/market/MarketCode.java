package io.entrepot.market;

import java.util.Locale;
import java.util.Set;

/** A market is a country: its ISO 3166-1 alpha-2 code. */
public record MarketCode(@com.fasterxml.jackson.annotation.JsonValue String value) {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public MarketCode {
        if (value == null || !value.matches("[A-Z]{2}") || !COUNTRIES.contains(value)) {
            throw new IllegalArgumentException("market must be an ISO 3166-1 alpha-2 country code in capitals, e.g. PH; got: " + value);
        }
    }

    public static MarketCode of(String value) {
        return new MarketCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
