package io.entrepot.search;

import io.entrepot.market.MarketCode;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** What a buyer searches for. */
public record SearchQuery(MarketCode market, @Nullable Locale locale, @Nullable String text, @Nullable String category,
        @Nullable String cursor, int limit) {

    public SearchQuery {
        if (limit < 1 || limit > 100) {
            throw new IllegalArgumentException("limit must be between 1 and 100");
        }
        if (text != null && text.length() > 200) {
            throw new IllegalArgumentException("the search text may have at most 200 characters");
        }
        text = text == null || text.isBlank() ? null : text.strip();
        category = category == null || category.isBlank() ? null : category.strip();
    }
}
