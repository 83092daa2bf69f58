package io.entrepot.search.web;

import io.entrepot.search.Listing;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** A hit as the search page shows it, with the price in the market's display decimals (IDR without any). */
public record SearchResultView(java.util.UUID offerId, String title, String seller, String category, String price, String currency) {

    static SearchResultView of(Listing listing, int displayDecimals) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.ROOT);
        format.setGroupingUsed(true);
        format.setMinimumFractionDigits(displayDecimals);
        format.setMaximumFractionDigits(displayDecimals);
        format.setRoundingMode(RoundingMode.HALF_UP);
        return new SearchResultView(listing.offerId(), listing.title(), listing.sellerName(), listing.category(),
                format.format(listing.fromPrice().toDecimal()), listing.fromPrice().currency().code());
    }
}
