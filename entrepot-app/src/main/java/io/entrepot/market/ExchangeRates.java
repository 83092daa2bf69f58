package io.entrepot.market;

import io.entrepot.market.internal.EcbReferenceRates;
import io.entrepot.market.internal.FxStore;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Ids;
import io.entrepot.shared.NotFoundException;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exchange rates for pricing: the ECB's euro reference rates (cross rates go through the euro), and
 * finance's manual override per pair, which wins while it is set. A rate older than the allowed age
 * is refused rather than used.
 */
@Service
@Transactional(readOnly = true)
public class ExchangeRates {

    static final CurrencyCode EUR = CurrencyCode.of("EUR");
    /** The ECB publishes its reference rates at about 16:00 Central European Time. */
    private static final ZoneId FRANKFURT = ZoneId.of("Europe/Berlin");

    private final FxStore store;
    private final Clock clock;
    private final Duration maxAge;
    private final ApplicationEventPublisher events;

    ExchangeRates(FxStore store, Clock clock, @Value("${entrepot.fx.max-age:P4D}") Duration maxAge,
            ApplicationEventPublisher events) {
        this.store = store;
        this.clock = clock;
        this.maxAge = maxAge;
        this.events = events;
    }

    /** What an import did. */
    public record ImportResult(int publications, int ratesAdded, int ratesAlreadyKnown) {
    }

    /** Imports an ECB reference-rate file (CSV or XML); publications already stored are skipped. */
    @Transactional
    public ImportResult importEcb(byte[] content) {
        int added = 0;
        int known = 0;
        java.util.Set<String> changed = new java.util.TreeSet<>();
        var publications = EcbReferenceRates.parse(content);
        Instant now = clock.instant();
        for (var publication : publications) {
            Instant asOf = publication.date().atTime(LocalTime.of(16, 0)).atZone(FRANKFURT).toInstant();
            for (var entry : publication.rates().entrySet()) {
                if (store.insertEuroRate(entry.getKey(), asOf, entry.getValue(), "ECB euro reference rates", now)) {
                    added++;
                    changed.add(entry.getKey().code());
                } else {
                    known++;
                }
            }
        }
        if (!changed.isEmpty()) {
            events.publishEvent(new ExchangeRatesChanged(changed));
        }
        return new ImportResult(publications.size(), added, known);
    }

    /** The rate to price with now, refusing one older than the allowed age. */
    public ExchangeRate current(CurrencyCode from, CurrencyCode to) {
        return fresh(rateAt(from, to, clock.instant()), clock.instant());
    }

    /**
     * The rate to price with now, or none where the pair has no rate or only one older than the allowed age: for
     * {@link Prices.Run}, where such a pair keeps its prices or blocks its offers instead of failing the whole run.
     */
    public Optional<ExchangeRate> freshRate(CurrencyCode from, CurrencyCode to) {
        try {
            return Optional.of(current(from, to));
        } catch (NotFoundException | StaleRateException e) {
            return Optional.empty();
        }
    }

    /** The rate as it stood at an instant (newest publication or override not after it), without an age check. */
    public ExchangeRate rateAt(CurrencyCode from, CurrencyCode to, Instant at) {
        if (from.equals(to)) {
            return new ExchangeRate(from, to, BigDecimal.ONE, at, "same currency");
        }
        FxStore.PairRates found = store.pairRates(from, to, at);
        if (found.override().isPresent()) {
            var override = found.override().get();
            return new ExchangeRate(from, to, override.rate(), override.asOf(), override.source());
        }
        if (found.inverseOverride().isPresent()) {
            var inverse = found.inverseOverride().get();
            return new ExchangeRate(from, to, BigDecimal.ONE.divide(inverse.rate(), MathContext.DECIMAL128), inverse.asOf(),
                    inverse.source() + " (inverse)");
        }
        FxStore.StoredRate perEuroTo = perEuro(to, found.euroTo());
        FxStore.StoredRate perEuroFrom = perEuro(from, found.euroFrom());
        BigDecimal rate = perEuroTo.rate().divide(perEuroFrom.rate(), MathContext.DECIMAL128);
        Instant asOf = perEuroTo.asOf().isBefore(perEuroFrom.asOf()) ? perEuroTo.asOf() : perEuroFrom.asOf();
        String source = from.equals(EUR) || to.equals(EUR) ? "ECB euro reference rates" : "ECB euro reference rates (cross via EUR)";
        return new ExchangeRate(from, to, rate, asOf, source);
    }

    /** Sets finance's rate for a pair; it replaces any earlier override of the pair. */
    @Transactional
    public ExchangeRate override(CurrencyCode from, CurrencyCode to, BigDecimal rate, String reason) {
        if (from.equals(to)) {
            throw new IllegalArgumentException("an override needs two different currencies");
        }
        if (rate.signum() <= 0) {
            throw new IllegalArgumentException("an exchange rate must be positive");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an override needs a reason");
        }
        Instant now = clock.instant();
        store.clearOverride(from, to, ActorContext.currentName(), now);
        store.insertOverride(Ids.newId(clock), from, to, rate, reason.strip(), ActorContext.currentName(), now);
        events.publishEvent(new ExchangeRatesChanged(java.util.Set.of(from.code(), to.code())));
        return rateAt(from, to, now);
    }

    @Transactional
    public void clearOverride(CurrencyCode from, CurrencyCode to) {
        // Offers re-price only when a rate really changed: clearing nothing changes nothing.
        if (store.clearOverride(from, to, ActorContext.currentName(), clock.instant())) {
            events.publishEvent(new ExchangeRatesChanged(java.util.Set.of(from.code(), to.code())));
        }
    }

    public Duration maxAge() {
        return maxAge;
    }

    private ExchangeRate fresh(ExchangeRate rate, Instant now) {
        Duration age = Duration.between(rate.asOf(), now);
        if (age.compareTo(maxAge) > 0) {
            throw new StaleRateException(rate, age, maxAge);
        }
        return rate;
    }

    private FxStore.StoredRate perEuro(CurrencyCode currency, Optional<FxStore.StoredRate> found) {
        if (currency.equals(EUR)) {
            return new FxStore.StoredRate(BigDecimal.ONE, Instant.MAX, "ECB euro reference rates");
        }
        return found
                .orElseThrow(() -> new NotFoundException("exchange rate for", currency + " (import ECB rates or set an override)"));
    }
}
