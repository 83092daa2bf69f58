package io.entrepot.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An import duty rate of a market, for one HS chapter (or all, when absent) and one origin country (or
 * any), in force from {@code effectiveFrom} until {@code effectiveTo}.
 */
public record DutyRate(UUID id, MarketCode market, @Nullable String hsChapter, @Nullable String originCountry, BigDecimal ratePct,
        String basisNote, Instant effectiveFrom, @Nullable Instant effectiveTo, String source, String asOf) {

    public DutyRate {
        if (hsChapter != null && !hsChapter.matches("[0-9]{2}")) {
            throw new IllegalArgumentException("an HS chapter is two digits, e.g. 94");
        }
        if (originCountry != null && !originCountry.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("an origin is an ISO 3166-1 alpha-2 code, e.g. CN");
        }
        if (ratePct.signum() < 0 || ratePct.compareTo(BigDecimal.valueOf(100)) > 0) {
            throw new IllegalArgumentException("a duty rate is between 0 and 100 percent");
        }
        if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
            throw new IllegalArgumentException("effective_to must be after effective_from");
        }
    }
}
