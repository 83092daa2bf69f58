package io.entrepot.search.web;

import io.entrepot.market.Market;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Markets;
import io.entrepot.search.Listing;
import io.entrepot.search.Search;
import io.entrepot.search.SearchQuery;
import io.entrepot.web.CurrentMarket;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.RequestContextUtils;

/** The storefront's search page for the visitor's market and language. */
@Controller
class StorefrontSearchPage {

    private final Search search;
    private final Markets markets;
    private final CurrentMarket currentMarket;

    StorefrontSearchPage(Search search, Markets markets, CurrentMarket currentMarket) {
        this.search = search;
        this.markets = markets;
        this.currentMarket = currentMarket;
    }

    @GetMapping("/store/search")
    String search(@RequestParam(required = false) @Nullable String q, @RequestParam(required = false) @Nullable String cursor,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Market market = markets.get(MarketCode.of(currentMarket.of(request, response)));
        Locale locale = RequestContextUtils.getLocale(request);
        var page = search.search(new SearchQuery(market.code(), locale, q, null, cursor, 24));
        model.addAttribute("query", q == null ? "" : q);
        model.addAttribute("results", page.items().stream().map(l -> SearchResultView.of(l, market.displayMinorUnits())).toList());
        model.addAttribute("nextCursor", page.nextCursor());
        return "search/results";
    }

    @GetMapping("/store/products/{offerId}")
    String product(@org.springframework.web.bind.annotation.PathVariable java.util.UUID offerId, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        Locale locale = RequestContextUtils.getLocale(request);
        var listing = search.listing(offerId, locale)
                .orElseThrow(() -> new io.entrepot.shared.NotFoundException("product offer", offerId));
        Market market = markets.get(MarketCode.of(listing.market()));
        model.addAttribute("product", SearchResultView.of(listing, market.displayMinorUnits()));
        model.addAttribute("description", listing.description());
        model.addAttribute("marketName", market.name());
        return "search/product";
    }
}
