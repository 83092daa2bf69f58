package io.entrepot.search.web;

import io.entrepot.market.MarketCode;
import io.entrepot.search.Listing;
import io.entrepot.search.Search;
import io.entrepot.search.SearchQuery;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Storefront: search")
class StorefrontSearchController {

    private final Search search;

    StorefrontSearchController(Search search) {
        this.search = search;
    }

    record Price(BigDecimal amount, String currency) {
    }

    record Item(UUID offerId, UUID productId, String title, String description, String category, String seller, String language,
            Price fromPrice) {
        static Item of(Listing l) {
            return new Item(l.offerId(), l.productId(), l.title(), l.description(), l.category(), l.sellerName(), l.language(),
                    new Price(l.fromPrice().toDecimal(), l.fromPrice().currency().code()));
        }
    }

    record Page(List<Item> items, @Nullable String nextCursor) {
    }

    @GetMapping("/api/v1/storefront/{market}/products")
    @Operation(summary = "Search live offers of a market", description = "Prices in the market's currency; content in the "
            + "requested locale's language if the market has it, else the market's default. Cursor pagination.")
    Page search(@PathVariable String market, @RequestParam(required = false) @Nullable String q,
            @RequestParam(required = false) @Nullable String locale, @RequestParam(required = false) @Nullable String category,
            @RequestParam(required = false) @Nullable String cursor, @RequestParam(defaultValue = "20") int limit) {
        var page = search.search(new SearchQuery(MarketCode.of(market), locale == null ? null : Locale.forLanguageTag(locale), q,
                category, cursor, limit));
        return new Page(page.items().stream().map(Item::of).toList(), page.nextCursor());
    }
}
