package io.entrepot.market.web;

import io.entrepot.market.Market;
import io.entrepot.market.Markets;
import io.entrepot.market.web.MarketResources.MarketResource;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Storefront: markets")
class StorefrontMarketController {

    private final Markets markets;

    StorefrontMarketController(Markets markets) {
        this.markets = markets;
    }

    @GetMapping("/api/v1/storefront/markets")
    @Operation(summary = "The markets open for shopping, with currency and languages")
    List<MarketResource> open() {
        return markets.all().stream().filter(Market::open).map(MarketResources::of).toList();
    }
}
