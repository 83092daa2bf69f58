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

    /** What a rate between two different currencies at an instant can come from, read with one statement. */
    public record PairRates(Optional<StoredRate> override, Optional<StoredRate> inverseOverride, Optional<StoredRate> euroTo,
            Optional<StoredRate> euroFrom) {
    }

    /**
     * The pair's active override, the reverse pair's, and the newest euro rates of both currencies not
     * after the instant: all a conversion may need, in one round trip instead of four.
     */
    public PairRates pairRates(CurrencyCode from, CurrencyCode to, Instant at) {
        record Row(String kind, String currency, StoredRate rate) {
        }
        List<Row> rows = jdbc.sql("""
                select 'override' as kind, quote as currency, rate, set_at as as_of, 'manual override: ' || reason as source
                from market.fx_override where base = :from and quote = :to and cleared_at is null and set_at <= :at
                union all
                select 'inverse', quote, rate, set_at, 'manual override: ' || reason
                from market.fx_override where base = :to and quote = :from and cleared_at is null and set_at <= :at
                union all
                (select 'euro', quote, rate, as_of, source from market.fx_rate where quote = :to and as_of <= :at order by as_of desc limit 1)
                union all
                (select 'euro', quote, rate, as_of, source from market.fx_rate where quote = :from and as_of <= :at order by as_of desc limit 1)
                """)
                .param("from", from.code()).param("to", to.code()).param("at", Timestamp.from(at))
                .query((rs, n) -> new Row(rs.getString("kind"), rs.getString("currency"), new StoredRate(rs.getBigDecimal("rate"),
                        rs.getTimestamp("as_of").toInstant(), rs.getString("source"))))
                .list();
        java.util.function.BiFunction<String, String, Optional<StoredRate>> find = (kind, currency) -> rows.stream()
                .filter(r -> r.kind().equals(kind) && (currency == null || r.currency().equals(currency))).map(Row::rate).findFirst();
        return new PairRates(find.apply("override", null), find.apply("inverse", null), find.apply("euro", to.code()),
                find.apply("euro", from.code()));
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
