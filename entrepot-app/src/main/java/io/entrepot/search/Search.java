package io.entrepot.search;

import io.entrepot.market.Market;
import io.entrepot.market.Markets;
import io.entrepot.search.internal.ListingStore;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The search module's API: storefront search over live offers of one market, in the buyer's language
 * (else the market's default), ranked by text relevance × the seller's ranking factor, paged by cursor.
 */
@Service
@Transactional(readOnly = true)
public class Search {

    private final ListingStore listings;
    private final Markets markets;
    private final Clock clock;

    Search(ListingStore listings, Markets markets, Clock clock) {
        this.listings = listings;
        this.markets = markets;
        this.clock = clock;
    }

    public SearchPage search(SearchQuery query) {
        Market market = markets.get(query.market());
        String language = language(market, query.locale());
        BigDecimal afterScore = null;
        UUID afterOffer = null;
        if (query.cursor() != null) {
            String[] parts = decode(query.cursor());
            afterScore = new BigDecimal(parts[0]);
            afterOffer = UUID.fromString(parts[1]);
        }
        var hits = listings.search(market.code().value(), language, query.text(), query.category(), afterScore, afterOffer,
                query.limit() + 1);
        boolean more = hits.size() > query.limit();
        var page = more ? hits.subList(0, query.limit()) : hits;
        String next = more ? encode(page.getLast().score().toPlainString() + "|" + page.getLast().listing().offerId()) : null;
        return new SearchPage(page.stream().map(ListingStore.Hit::listing).toList(), next);
    }

    /** One live offer as the storefront shows it, in the language asked for if it has one. */
    public java.util.Optional<Listing> listing(UUID offerId, @Nullable Locale locale) {
        return listings.find(offerId, locale == null ? "en" : locale.getLanguage());
    }

    /**
     * The ranking hook: multiplies every score of the seller's listings by {@code factor} (below 1 a
     * penalty, above 1 a boost). Used by trust & safety's enforcement ladder and by campaigns.
     */
    @Transactional
    public void setSellerRanking(UUID sellerId, BigDecimal factor, String reason) {
        if (factor.signum() <= 0 || factor.compareTo(BigDecimal.TEN) > 0) {
            throw new IllegalArgumentException("a ranking factor must be above 0 and at most 10");
        }
        listings.setRanking(sellerId, factor, reason, clock.instant());
    }

    static String language(Market market, @Nullable Locale requested) {
        List<String> available = market.locales().stream().map(Locale::getLanguage).toList();
        if (requested != null && (available.contains(requested.getLanguage()) || requested.getLanguage().equals("en"))) {
            return requested.getLanguage();
        }
        return market.defaultLocale().getLanguage();
    }

    private static String encode(String cursor) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(cursor.getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            if (parts.length != 2) {
                throw new IllegalArgumentException();
            }
            new BigDecimal(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the cursor is not one this API returned");
        }
    }
}
