package io.entrepot.market;

import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Derives a market's price from a seller's base price: base × rate × (1 + markup / 100) computed
 * exactly, then rounded once by the market's rule. Refuses stale rates.
 */
@Service
@Transactional(readOnly = true)
public class Prices {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private final Markets markets;
    private final ExchangeRates rates;

    Prices(Markets markets, ExchangeRates rates) {
        this.markets = markets;
        this.rates = rates;
    }

    public DerivedPrice derive(Money base, MarketCode marketCode, BigDecimal markupPct) {
        if (base.isNegative()) {
            throw new IllegalArgumentException("a base price cannot be negative");
        }
        if (markupPct.compareTo(BigDecimal.valueOf(-100)) <= 0 || markupPct.compareTo(BigDecimal.valueOf(1000)) > 0) {
            throw new IllegalArgumentException("markup must be above -100% and at most 1000%");
        }
        Market market = markets.get(marketCode);
        ExchangeRate rate = rates.current(base.currency(), market.currency());
        return derive(base, market, rate, markupPct);
    }

    /**
     * Prices for many base prices in one run (a bulk publication, a repricing after a rate change): each market and
     * each currency pair's rate is looked up once per run, not once per price, and a pair with no rate fresh enough
     * derives no price instead of failing the run. One run at a time; not shared between threads.
     */
    public Run run() {
        return new Run();
    }

    /** See {@link #run()}. */
    public final class Run {

        private final Map<MarketCode, Market> marketsByCode = new HashMap<>();
        private final Map<String, Optional<ExchangeRate>> ratesByPair = new HashMap<>();

        private Run() {
        }

        /** The price in the market, or none where the base currency has no fresh rate to the market's. */
        public Optional<DerivedPrice> derive(Money base, MarketCode marketCode, BigDecimal markupPct) {
            Market market = marketsByCode.computeIfAbsent(marketCode, markets::get);
            CurrencyCode from = base.currency();
            CurrencyCode to = market.currency();
            return ratesByPair.computeIfAbsent(from.code() + "/" + to.code(), pair -> rates.freshRate(from, to))
                    .map(rate -> Prices.derive(base, market, rate, markupPct));
        }
    }

    /** The arithmetic alone, for a rate already looked up. */
    public static DerivedPrice derive(Money base, Market market, ExchangeRate rate, BigDecimal markupPct) {
        BigDecimal factor = BigDecimal.ONE.add(markupPct.divide(HUNDRED, MathContext.DECIMAL128));
        BigDecimal exact = rate.convert(base.toDecimal()).multiply(factor, MathContext.DECIMAL128);
        Money price = market.rounding().apply(exact, market.currency());
        return new DerivedPrice(price, base, rate, markupPct, exact, market.rounding());
    }
}
