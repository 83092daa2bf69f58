package io.entrepot.market.internal;

import io.entrepot.shared.CurrencyCode;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code market.fx_rate} (per-euro reference rates) and {@code market.fx_override}. */
@Repository
public class FxStore {

    private final JdbcClient jdbc;

    FxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Returns false when this publication of the currency is already stored. */
    public boolean insertEuroRate(CurrencyCode quote, Instant asOf, BigDecimal rate, String source, Instant now) {
        return jdbc.sql("""
                insert into market.fx_rate (quote, as_of, rate, source, imported_at) values (:quote, :asOf, :rate, :source, :now)
                on conflict (quote, as_of) do nothing
                """)
                .param("quote", quote.code()).param("asOf", Timestamp.from(asOf)).param("rate", rate)
                .param("source", source).param("now", Timestamp.from(now)).update() == 1;
    }

    /** The newest per-euro rate published at or before the instant. */
    public Optional<StoredRate> euroRate(CurrencyCode quote, Instant at) {
        return jdbc.sql("""
                select rate, as_of, source from market.fx_rate where quote = :quote and as_of <= :at
                order by as_of desc limit 1
                """)
                .param("quote", quote.code()).param("at", Timestamp.from(at))
                .query((rs, n) -> new StoredRate(rs.getBigDecimal("rate"), rs.getTimestamp("as_of").toInstant(), rs.getString("source")))
                .optional();
    }

    public Optional<StoredRate> activeOverride(CurrencyCode base, CurrencyCode quote, Instant at) {
        return jdbc.sql("""
                select rate, set_at, reason from market.fx_override
                where base = :base and quote = :quote and cleared_at is null and set_at <= :at
                """)
                .param("base", base.code()).param("quote", quote.code()).param("at", Timestamp.from(at))
                .query((rs, n) -> new StoredRate(rs.getBigDecimal("rate"), rs.getTimestamp("set_at").toInstant(),
                        "manual override: " + rs.getString("reason")))
                .optional();
    }

    /** Clears the pair's active override; true when there was one. */
    public boolean clearOverride(CurrencyCode base, CurrencyCode quote, String by, Instant now) {
        return jdbc.sql("""
                update market.fx_override set cleared_at = :now, cleared_by = :by
                where base = :base and quote = :quote and cleared_at is null
                """)
                .param("now", Timestamp.from(now)).param("by", by).param("base", base.code()).param("quote", quote.code())
                .update() > 0;
    }

    public void insertOverride(UUID id, CurrencyCode base, CurrencyCode quote, BigDecimal rate, String reason, String by, Instant now) {
        jdbc.sql("""
                insert into market.fx_override (id, base, quote, rate, reason, set_by, set_at)
                values (:id, :base, :quote, :rate, :reason, :by, :now)
                """)
                .param("id", id).param("base", base.code()).param("quote", quote.code()).param("rate", rate)
                .param("reason", reason).param("by", by).param("now", Timestamp.from(now)).update();
    }

    public List<String> currenciesWithRates() {
        return jdbc.sql("select distinct quote from market.fx_rate order by quote").query(String.class).list();
    }

    /** A rate as stored: per-euro or per pair. */
    public record StoredRate(BigDecimal rate, Instant asOf, String source) {
    }
}
