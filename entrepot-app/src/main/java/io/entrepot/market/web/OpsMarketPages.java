package io.entrepot.market.web;

import io.entrepot.market.ExchangeRate;
import io.entrepot.market.ExchangeRates;
import io.entrepot.market.Market;
import io.entrepot.market.MarketCode;
import io.entrepot.market.Markets;
import io.entrepot.market.TradeRules;
import io.entrepot.shared.CurrencyCode;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** Console pages: the markets, each market's trade-rule versions, and the exchange rates pricing uses. */
@Controller
public class OpsMarketPages {

    private final Markets markets;
    private final ExchangeRates rates;

    OpsMarketPages(Markets markets, ExchangeRates rates) {
        this.markets = markets;
        this.rates = rates;
    }

    /** A market with the trade rules in force now, as the list shows it. */
    public record MarketRow(Market market, Optional<TradeRules> rules) {
    }

    /** One pair's rate as the FX page shows it, or why there is none. */
    public record RateRow(String from, String to, String rate, String asOf, String source, String problem) {
    }

    @GetMapping("/console/markets")
    String list(Model model) {
        model.addAttribute("markets", markets.all().stream().map(m -> new MarketRow(m, markets.rulesNow(m.code()))).toList());
        return "market/list";
    }

    @GetMapping("/console/markets/{code}")
    String detail(@PathVariable String code, Model model) {
        MarketCode market = MarketCode.of(code);
        model.addAttribute("market", markets.get(market));
        model.addAttribute("versions", markets.ruleVersions(market));
        model.addAttribute("current", markets.rulesNow(market).map(TradeRules::id).orElse(null));
        return "market/detail";
    }

    @GetMapping("/console/fx")
    String fx(Model model) {
        CurrencyCode cny = CurrencyCode.of("CNY");
        List<RateRow> rows = markets.all().stream().map(Market::currency).distinct().sorted((a, b) -> a.code().compareTo(b.code()))
                .map(currency -> row(cny, currency)).toList();
        model.addAttribute("rows", rows);
        model.addAttribute("maxAgeHours", rates.maxAge().toHours());
        return "market/fx";
    }

    private RateRow row(CurrencyCode from, CurrencyCode to) {
        try {
            ExchangeRate rate = rates.current(from, to);
            return new RateRow(from.code(), to.code(), rate.rate().setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString(),
                    rate.asOf().toString(), rate.source(), "");
        } catch (RuntimeException e) {
            return new RateRow(from.code(), to.code(), "—", "—", "—", String.valueOf(e.getMessage()));
        }
    }
}
