package io.entrepot.market.web;

import io.entrepot.market.Market;
import io.entrepot.market.Markets;
import io.entrepot.web.ConsoleTile;
import io.entrepot.web.MarketChoice;
import io.entrepot.web.MarketDirectory;
import java.util.List;
import org.springframework.stereotype.Component;

/** Feeds the page chrome's market switcher and the console's market figures. */
@Component
class MarketSwitcher implements MarketDirectory, ConsoleTile {

    private final Markets markets;

    MarketSwitcher(Markets markets) {
        this.markets = markets;
    }

    @Override
    public List<MarketChoice> openMarkets() {
        return markets.all().stream().filter(Market::open)
                .map(m -> new MarketChoice(m.code().value(), m.name(), m.currency().code()))
                .toList();
    }

    @Override
    public String titleKey() {
        return "market.tile.title";
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public List<Figure> figures() {
        List<Market> all = markets.all();
        long open = all.stream().filter(Market::open).count();
        return List.of(new Figure("market.tile.open", open), new Figure("market.tile.paused", all.size() - open));
    }
}
