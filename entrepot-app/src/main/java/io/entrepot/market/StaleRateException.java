package io.entrepot.market;

import io.entrepot.shared.ConflictException;
import java.time.Duration;

/** Pricing refused: the newest rate is older than the configured maximum age. */
public class StaleRateException extends ConflictException {

    public StaleRateException(ExchangeRate rate, Duration age, Duration maxAge) {
        super("fx-rate-stale", "the " + rate.from() + "→" + rate.to() + " rate from " + rate.source() + " is "
                + age.toHours() + " hours old (as of " + rate.asOf() + "), more than the allowed " + maxAge.toHours()
                + " hours: import fresh reference rates or set an override");
    }
}
