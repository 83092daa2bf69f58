package io.entrepot.market.internal;

import io.entrepot.market.Market;
import io.entrepot.market.MarketCode;
import io.entrepot.market.MarketDefinition;
import io.entrepot.market.MarketStatus;
import io.entrepot.market.PriceRounding;
import io.entrepot.shared.CurrencyCode;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code market.market}. */
@Repository
public class MarketStore {

    private final JdbcClient jdbc;
    private final io.entrepot.shared.ReferenceData.Copies<String, Optional<Market>> copies;

    MarketStore(JdbcClient jdbc, io.entrepot.shared.ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.copies = referenceData.copies("market", 1_000);
    }

    public List<Market> all() {
        return jdbc.sql("select * from market.market order by name").query(MarketStore::market).list();
    }

    public Optional<Market> find(MarketCode code) {
        return copies.get(code.value(), c -> jdbc.sql("select * from market.market where code = :code").param("code", c)
                .query(MarketStore::market).optional());
    }

    /** Returns false when the market already exists. */
    public boolean insert(MarketDefinition market, Instant now) {
        return jdbc.sql("""
                insert into market.market (code, name, currency, default_locale, status, created_at, display_minor_units,
                    locales, price_increment, price_rounding, charm_modulus, charm_ending, return_window_days, return_basis)
                values (:code, :name, :currency, :defaultLocale, 'open', :now, :display, string_to_array(:locales, ','),
                    :increment, :rounding, :modulus, :ending, :returnDays, :returnBasis)
                on conflict (code) do nothing
                """)
                .params(parameters(market)).param("now", Timestamp.from(now))
                .update() == 1;
    }

    public boolean update(MarketDefinition market, Instant now) {
        return jdbc.sql("""
                update market.market set name = :name, currency = :currency, default_locale = :defaultLocale,
                    display_minor_units = :display, locales = string_to_array(:locales, ','), price_increment = :increment,
                    price_rounding = :rounding, charm_modulus = :modulus, charm_ending = :ending,
                    return_window_days = :returnDays, return_basis = :returnBasis, updated_at = :now
                where code = :code
                """)
                .params(parameters(market)).param("now", Timestamp.from(now))
                .update() == 1;
    }

    /** Completes a row seeded before markets had these columns; never touches a row an operator changed. */
    public void completeSeeded(MarketDefinition market) {
        jdbc.sql("""
                update market.market set display_minor_units = :display, locales = string_to_array(:locales, ','),
                    price_increment = :increment, price_rounding = :rounding, charm_modulus = :modulus,
                    charm_ending = :ending, return_window_days = :returnDays, return_basis = :returnBasis
                where code = :code and locales = '{}' and updated_at is null
                """)
                .params(parameters(market)).update();
    }

    public boolean setStatus(MarketCode code, MarketStatus status, Instant now) {
        return jdbc.sql("update market.market set status = :status, updated_at = :now where code = :code")
                .param("status", status.key()).param("now", Timestamp.from(now)).param("code", code.value())
                .update() == 1;
    }

    private static java.util.Map<String, Object> parameters(MarketDefinition market) {
        var values = new java.util.HashMap<String, Object>();
        values.put("code", market.code().value());
        values.put("name", market.name());
        values.put("currency", market.currency().code());
        values.put("defaultLocale", market.defaultLocale().toLanguageTag());
        values.put("display", market.displayMinorUnits());
        values.put("locales", String.join(",", market.locales().stream().map(Locale::toLanguageTag).toList()));
        values.put("increment", market.rounding().increment());
        values.put("rounding", market.rounding().modeKey());
        values.put("modulus", market.rounding().charmModulus());
        values.put("ending", market.rounding().charmEnding());
        values.put("returnDays", market.returnWindowDays());
        values.put("returnBasis", market.returnBasis());
        return values;
    }

    private static Market market(ResultSet rs, int row) throws SQLException {
        CurrencyCode currency = CurrencyCode.of(rs.getString("currency"));
        List<Locale> locales = new ArrayList<>();
        Array array = rs.getArray("locales");
        if (array != null) {
            for (Object tag : (Object[]) array.getArray()) {
                locales.add(Locale.forLanguageTag((String) tag));
            }
        }
        Locale defaultLocale = Locale.forLanguageTag(rs.getString("default_locale"));
        if (locales.isEmpty()) {
            locales.add(defaultLocale);
        }
        int display = rs.getObject("display_minor_units") == null ? currency.minorUnits() : rs.getInt("display_minor_units");
        BigDecimal modulus = rs.getBigDecimal("charm_modulus");
        var rounding = new PriceRounding(rs.getBigDecimal("price_increment"), PriceRounding.modeOf(rs.getString("price_rounding")),
                modulus, rs.getBigDecimal("charm_ending"));
        return new Market(new MarketCode(rs.getString("code")), rs.getString("name"), currency, display, locales, defaultLocale,
                rounding, rs.getInt("return_window_days"), rs.getString("return_basis"),
                MarketStatus.fromKey(rs.getString("status")));
    }

    public Optional<java.time.Instant> openedAt(io.entrepot.market.MarketCode code) {
        return jdbc.sql("select created_at from market.market where code = :code").param("code", code.value())
                .query(java.sql.Timestamp.class).optional().map(java.sql.Timestamp::toInstant);
    }
}
