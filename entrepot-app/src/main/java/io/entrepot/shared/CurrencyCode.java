package io.entrepot.shared;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An ISO 4217 currency with its number of minor units. IDR keeps ISO's two minor units; how a market
 * displays rupiah is a market rule, not a property of the currency.
 */
public record CurrencyCode(@com.fasterxml.jackson.annotation.JsonValue String code) {

    private static final Pattern ISO = Pattern.compile("[A-Z]{3}");

    public CurrencyCode {
        if (code == null || !ISO.matcher(code).matches()) {
            throw new IllegalArgumentException("currency must be three upper-case letters (ISO 4217), got: " + code);
        }
        try {
            Currency.getInstance(code);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown ISO 4217 currency: " + code);
        }
    }

    public static CurrencyCode of(String code) {
        return new CurrencyCode(code);
    }

    /** Digits after the decimal point: 0 for JPY, KRW and VND, 2 for EUR, 3 for KWD. */
    public int minorUnits() {
        return Math.max(0, Currency.getInstance(code).getDefaultFractionDigits());
    }

    @Override
    public String toString() {
        return code;
    }
}
