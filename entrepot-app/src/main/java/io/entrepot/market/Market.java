package io.entrepot.market;

import io.entrepot.shared.CurrencyCode;
import java.util.List;
import java.util.Locale;

/** A country market: what buyers there pay in, read and expect. */
public record Market(MarketCode code, String name, CurrencyCode currency, int displayMinorUnits, List<Locale> locales,
        Locale defaultLocale, PriceRounding rounding, int returnWindowDays, String returnBasis, MarketStatus status) {

    public Market {
        locales = List.copyOf(locales);
    }

    public boolean open() {
        return status == MarketStatus.OPEN;
    }
}
