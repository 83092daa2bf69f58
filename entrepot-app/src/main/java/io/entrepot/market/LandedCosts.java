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
        TradeRules rules = markets.rulesAt(market, at)
                .orElseThrow(() -> new ConflictException("no-trade-rules", "market " + market + " has no trade rules in force at " + at));
        return LandedCost.assess(rules, parcel, (chapter, origin) -> duties.applicable(market, chapter, origin, at), this::convert);
    }

    /** An amount in another currency at the current rate, rounded half up to the target's minor unit. */
    public Money convert(Money amount, CurrencyCode to) {
        if (amount.currency().equals(to)) {
            return amount;
        }
        return amount.converted(rates.current(amount.currency(), to).rate(), to, RoundingMode.HALF_UP);
    }
}
