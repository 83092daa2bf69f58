package io.entrepot.market.internal;

import io.entrepot.market.DutyRate;
import io.entrepot.market.MarketCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code market.duty_rate}. */
@Repository
public class DutyRateStore {

    private final JdbcClient jdbc;

    DutyRateStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The most specific rate in force: chapter and origin before chapter before origin before general. */
    public Optional<DutyRate> applicable(MarketCode market, @Nullable String hsChapter, @Nullable String origin, Instant at) {
        return jdbc.sql("""
                select * from market.duty_rate
                where market_code = :market and effective_from <= :at and (effective_to is null or effective_to > :at)
                  and (hs_chapter is null or hs_chapter = :chapter) and (origin_country is null or origin_country = :origin)
                order by (hs_chapter is not null) desc, (origin_country is not null) desc, effective_from desc
                limit 1
                """)
                .param("market", market.value()).param("at", Timestamp.from(at)).param("chapter", hsChapter).param("origin", origin)
                .query(DutyRateStore::rate).optional();
    }

    public List<DutyRate> of(MarketCode market) {
        return jdbc.sql("select * from market.duty_rate where market_code = :market order by hs_chapter nulls first, effective_from")
                .param("market", market.value()).query(DutyRateStore::rate).list();
    }

    public void insert(DutyRate rate, String createdBy, Instant now) {
        jdbc.sql("""
                insert into market.duty_rate (id, market_code, hs_chapter, origin_country, rate_pct, basis_note, effective_from,
                    effective_to, source, as_of, created_by, created_at)
                values (:id, :market, :chapter, :origin, :rate, :note, :from, :to, :source, :asOf, :by, :now)
                """)
                .param("id", rate.id()).param("market", rate.market().value()).param("chapter", rate.hsChapter())
                .param("origin", rate.originCountry()).param("rate", rate.ratePct()).param("note", rate.basisNote())
                .param("from", Timestamp.from(rate.effectiveFrom()))
                .param("to", rate.effectiveTo() == null ? null : Timestamp.from(rate.effectiveTo()))
                .param("source", rate.source()).param("asOf", rate.asOf()).param("by", createdBy).param("now", Timestamp.from(now))
                .update();
    }

    private static DutyRate rate(ResultSet rs, int n) throws SQLException {
        Timestamp to = rs.getTimestamp("effective_to");
        return new DutyRate(rs.getObject("id", UUID.class), new MarketCode(rs.getString("market_code")), rs.getString("hs_chapter"),
                rs.getString("origin_country"), rs.getBigDecimal("rate_pct"), rs.getString("basis_note"),
                rs.getTimestamp("effective_from").toInstant(), to == null ? null : to.toInstant(), rs.getString("source"),
                rs.getString("as_of"));
    }
}
