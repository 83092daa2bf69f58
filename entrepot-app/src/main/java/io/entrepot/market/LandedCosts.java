package io.entrepot.market;

import io.entrepot.market.internal.DutyRateStore;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.math.RoundingMode;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assesses a parcel's import duty and tax by the market's trade-rule version in force at an instant,
 * with the market's duty rates and today's exchange rates for thresholds in other currencies.
 */
@Service
@Transactional(readOnly = true)
public class LandedCosts {

    private final Markets markets;
    private final DutyRateStore duties;
    private final ExchangeRates rates;

    LandedCosts(Markets markets, DutyRateStore duties, ExchangeRates rates) {
        this.markets = markets;
        this.duties = duties;
        this.rates = rates;
    }

    public LandedCost.Assessment assess(MarketCode market, Instant at, LandedCost.Parcel parcel) {
        return calculator(market, at).assess(parcel);
    }

    /**
     * A calculator for the parcels of one cart into one market at one instant: the trade rules are read
     * once and each currency pair's current rate once, however many parcels it assesses. Short-lived (one
     * quote); it sees the rates and rules as they were when it first needed them.
     */
    public Calculator calculator(MarketCode market, Instant at) {
        return new Calculator(market, at);
    }

    /** See {@link #calculator(MarketCode, Instant)}. */
    public final class Calculator {

        private final MarketCode market;
        private final Instant at;
        private final java.util.Map<String, java.math.BigDecimal> rates = new java.util.HashMap<>();
        private @org.jspecify.annotations.Nullable TradeRules rules;

        private Calculator(MarketCode market, Instant at) {
            this.market = market;
            this.at = at;
        }

        /** As {@link LandedCosts#convert}, each pair's rate read once. */
        public Money convert(Money amount, CurrencyCode to) {
            if (amount.currency().equals(to)) {
                return amount;
            }
            var rate = rates.computeIfAbsent(amount.currency().code() + "/" + to.code(), k -> LandedCosts.this.rates.current(amount.currency(), to).rate());
            return amount.converted(rate, to, RoundingMode.HALF_UP);
        }

        /** As {@link LandedCosts#assess}, the trade rules read once. */
        public LandedCost.Assessment assess(LandedCost.Parcel parcel) {
            if (rules == null) {
                rules = rulesAt(market, at);
            }
            return LandedCost.assess(rules, parcel, (chapter, origin) -> duties.applicable(market, chapter, origin, at), this::convert);
        }
    }

    private TradeRules rulesAt(MarketCode market, Instant at) {
        return markets.rulesAt(market, at)
                .orElseThrow(() -> new ConflictException("no-trade-rules", "market " + market + " has no trade rules in force at " + at));
    }

    /** An amount in another currency at the current rate, rounded half up to the target's minor unit. */
    public Money convert(Money amount, CurrencyCode to) {
        if (amount.currency().equals(to)) {
            return amount;
        }
        return amount.converted(rates.current(amount.currency(), to).rate(), to, RoundingMode.HALF_UP);
    }
}
