package io.entrepot.search.internal;

import io.entrepot.catalog.OffersChanged;
import io.entrepot.market.Market;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Markets;
import io.entrepot.shared.Actor;
import io.entrepot.shared.ActorContext;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the listing in step with the catalog: after a publication commits, live offers are listed once
 * per storefront language of their market (content in that language, else the product's fallback), and
 * blocked ones are removed. Idempotent; delivered through the event publication registry, so a crash
 * before it ran is made good on restart.
 */
@Component
class ListingIndexer {

    private static final Actor INDEXING = Actor.system("search-indexing");

    private final ListingStore listings;
    private final Markets markets;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ListingIndexer(ListingStore listings, Markets markets, TransactionTemplate transactions, Clock clock) {
        this.listings = listings;
        this.markets = markets;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Async
    @TransactionalEventListener
    void on(OffersChanged event) {
        ActorContext.runAs(INDEXING, () -> transactions.executeWithoutResult(tx -> index(event)));
    }

    @Async
    @TransactionalEventListener
    void on(OffersChanged.Batch batch) {
        ActorContext.runAs(INDEXING, () -> transactions.executeWithoutResult(tx -> batch.products().forEach(this::index)));
    }

    void index(OffersChanged event) {
        for (OffersChanged.OfferSnapshot offer : event.offers()) {
            if (!offer.live()) {
                listings.remove(offer.offerId());
                continue;
            }
            Market market = markets.get(MarketCode.of(offer.market()));
            List<String> languages = languages(market);
            OffersChanged.ContentSnapshot fallback = offer.contents().stream()
                    .filter(c -> c.language().equals(offer.fallbackLanguage())).findFirst().orElse(offer.contents().getFirst());
            for (String language : languages) {
                var content = offer.contents().stream().filter(c -> c.language().equals(language)).findFirst().orElse(fallback);
                listings.upsert(offer.offerId(), language, event.productId(), event.sellerId(), event.sellerName(), offer.market(),
                        event.category(), content.title(), content.description(), offer.minPriceMinor(), offer.currency(),
                        clock.instant());
            }
            listings.removeLanguagesOtherThan(offer.offerId(), languages);
        }
    }

    /** The storefront languages of a market: its locales' languages, and English for international buyers. */
    static List<String> languages(Market market) {
        Set<String> languages = new LinkedHashSet<>();
        market.locales().stream().map(Locale::getLanguage).forEach(languages::add);
        languages.add("en");
        return List.copyOf(languages);
    }
}
