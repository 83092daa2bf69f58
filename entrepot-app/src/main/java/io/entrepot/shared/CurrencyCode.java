package io.entrepot.shared;

import java.util.Currency;
import java.util.regex.Pattern;

/**
 * An ISO 4217 currency with its number of minor units. IDR keeps ISO's two minor units; how a market
 * displays rupiah is a market rule, not a property of the currency.
 */
public record CurrencyCode(@com.fasterxml.jackson.annotation.JsonValue String code) {

    private static final Pattern ISO = Pattern.compile("[A-Z]{3}");
    private static final java.util.concurrent.ConcurrentMap<String, CurrencyCode> KNOWN = new java.util.concurrent.ConcurrentHashMap<>();
    private static final java.util.concurrent.ConcurrentMap<String, Integer> MINOR_UNITS = new java.util.concurrent.ConcurrentHashMap<>();

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

    /**
     * The currency with this code, validated once per code: ISO 4217 has fewer than 200, and only valid
     * codes are kept (checking the pattern and the JDK's table at every call was ~1% of the platform's
     * CPU under checkout load).
     */
    public static CurrencyCode of(String code) {
        CurrencyCode known = code == null ? null : KNOWN.get(code);
        if (known != null) {
            return known;
        }
        CurrencyCode checked = new CurrencyCode(code);
        KNOWN.putIfAbsent(checked.code(), checked);
        return checked;
    }

    /** Digits after the decimal point: 0 for JPY, KRW and VND, 2 for EUR, 3 for KWD. */
    public int minorUnits() {
        return MINOR_UNITS.computeIfAbsent(code, c -> Math.max(0, Currency.getInstance(c).getDefaultFractionDigits()));
    }

    @Override
    public String toString() {
        return code;
    }
}
