package io.entrepot.market;

import io.entrepot.market.internal.MarketStore;
import io.entrepot.market.internal.TradeRuleStore;
import io.entrepot.shared.ActorContext;
import io.entrepot.shared.ConflictException;
import io.entrepot.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The market module's API. Markets and their trade rules are data: opening a market or changing a rule
 * is a call here (from the console, the API or the reference file), never a code change, and takes
 * effect at once. Trade rules are always read for an instant.
 */
@Service
@Transactional(readOnly = true)
public class Markets {

    private final MarketStore markets;
    private final TradeRuleStore rules;
    private final io.entrepot.market.internal.DutyRateStore duties;
    private final Clock clock;
    private final java.util.Map<MarketCode, Instant> openedAt = new java.util.concurrent.ConcurrentHashMap<>();

    Markets(MarketStore markets, TradeRuleStore rules, io.entrepot.market.internal.DutyRateStore duties, Clock clock) {
        this.markets = markets;
        this.rules = rules;
        this.duties = duties;
        this.clock = clock;
    }

    /**
     * The duty rate that applies to goods of an HS chapter from an origin country at an instant; empty
     * when none is known, which a quote must show as "duty unknown", never as zero.
     */
    public Optional<DutyRate> dutyRate(MarketCode code, String hsChapter, String originCountry, Instant at) {
        get(code);
        return duties.applicable(code, hsChapter, originCountry, at);
    }

    public java.util.List<DutyRate> dutyRates(MarketCode code) {
        get(code);
        return duties.of(code);
    }

    @Transactional
    public DutyRate addDutyRate(DutyRate rate) {
        get(rate.market());
        duties.insert(rate, io.entrepot.shared.ActorContext.currentName(), clock.instant());
        return rate;
    }

    /** When the market was opened on this platform (the start of a "new market" promotion). */
    public Instant openedAt(MarketCode code) {
        // A market's opening never changes (markets are changed, paused and resumed, never reopened or removed).
        Instant opened = openedAt.get(code);
        if (opened == null) {
            opened = markets.openedAt(code).orElseThrow(() -> new NotFoundException("market", code));
            openedAt.put(code, opened);
        }
        return opened;
    }

    public List<Market> all() {
        return markets.all();
    }

    public Optional<Market> find(MarketCode code) {
        return markets.find(code);
    }

    public Market get(MarketCode code) {
        return markets.find(code).orElseThrow(() -> new NotFoundException("market", code));
    }

    @Transactional
    public Market open(MarketDefinition definition) {
        if (!markets.insert(definition, clock.instant())) {
            throw new ConflictException("market-exists", "market " + definition.code() + " already exists; change it with PUT");
        }
        return get(definition.code());
    }

    @Transactional
    public Market change(MarketDefinition definition) {
        if (!markets.update(definition, clock.instant())) {
            throw new NotFoundException("market", definition.code());
        }
        return get(definition.code());
    }

    /** No new orders until resumed; the market and its offers stay as they are. */
    @Transactional
    public Market pause(MarketCode code) {
        return setStatus(code, MarketStatus.PAUSED);
    }

    @Transactional
    public Market resume(MarketCode code) {
        return setStatus(code, MarketStatus.OPEN);
    }

    private Market setStatus(MarketCode code, MarketStatus status) {
        if (!markets.setStatus(code, status, clock.instant())) {
            throw new NotFoundException("market", code);
        }
        return get(code);
    }

    /** The trade rules in force in the market at the instant, if any version covers it. */
    public Optional<TradeRules> rulesAt(MarketCode code, Instant at) {
        Optional<TradeRules> inForce = rules.inForce(code, at);
        if (inForce.isEmpty()) {
            get(code); // an unknown market is not found, not a market without rules
        }
        return inForce;
    }

    /** The trade rules in force now, by the injected clock. */
    public Optional<TradeRules> rulesNow(MarketCode code) {
        return rulesAt(code, clock.instant());
    }

    public List<TradeRules> ruleVersions(MarketCode code) {
        get(code);
        return rules.versions(code);
    }

    /**
     * Adds a version from its {@code effectiveFrom}. A version already in force then is ended there, and
     * the new one runs until that version would have ended; a version starting at the same instant is a
     * conflict, and past versions are never rewritten.
     */
    @Transactional
    public TradeRules addRuleVersion(TradeRules version) {
        get(version.market());
        if (rules.exists(version.market(), version.effectiveFrom())) {
            throw new ConflictException("trade-rule-version-exists",
                    "market " + version.market() + " already has a trade-rule version starting at " + version.effectiveFrom());
        }
        TradeRules toStore = version;
        Optional<TradeRules> covering = rules.inForce(version.market(), version.effectiveFrom());
        if (covering.isPresent()) {
            TradeRules current = covering.get();
            if (version.effectiveFrom().isBefore(clock.instant())) {
                throw new ConflictException("trade-rules-already-applied", "a new version of market " + version.market()
                        + " cannot start in the past while another version was in force then; start it now or later");
            }
            rules.endAt(current.id(), version.effectiveFrom());
            if (version.effectiveTo() == null && current.effectiveTo() != null) {
                toStore = withEnd(version, current.effectiveTo());
            }
        } else if (version.effectiveTo() == null) {
            Optional<TradeRules> next = rules.versions(version.market()).stream()
                    .filter(v -> v.effectiveFrom().isAfter(version.effectiveFrom())).findFirst();
            if (next.isPresent()) {
                toStore = withEnd(version, next.get().effectiveFrom());
            }
        }
        try {
            rules.insert(toStore, ActorContext.currentName(), clock.instant());
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new ConflictException("trade-rule-versions-overlap",
                    "the new version would overlap another version of market " + version.market() + "; adjust its dates");
        }
        return toStore;
    }

    private static TradeRules withEnd(TradeRules v, Instant end) {
        return new TradeRules(v.id(), v.market(), v.effectiveFrom(), end, v.taxName(), v.importTaxRatePct(), v.collection(),
                v.checkoutCeiling(), v.dutyDeMinimis(), v.taxDeMinimis(), v.flatDutyPerCategory(), v.prohibitedCategories(),
                v.source(), v.asOf(), v.confidence(), v.notes());
    }
}
