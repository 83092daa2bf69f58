package io.entrepot.market.internal;

import io.entrepot.market.MarketCode;
import io.entrepot.market.TaxCollection;
import io.entrepot.market.Threshold;
import io.entrepot.market.TradeRules;
import io.entrepot.market.ValueBasis;
import io.entrepot.shared.CurrencyCode;
import io.entrepot.shared.Money;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Rows of {@code market.trade_rule_version}; the database refuses overlapping versions of one market. */
@Repository
public class TradeRuleStore {

    private final JdbcClient jdbc;
    private final io.entrepot.shared.ReferenceData.Copies<MarketCode, List<TradeRules>> copies;

    TradeRuleStore(JdbcClient jdbc, io.entrepot.shared.ReferenceData referenceData) {
        this.jdbc = jdbc;
        this.copies = referenceData.copies("trade-rules", 1_000);
    }

    public Optional<TradeRules> inForce(MarketCode market, Instant at) {
        // The versions do not overlap (a new one ends the one before), so at most one is in force.
        return copies.get(market, m -> List.copyOf(versions(m))).stream()
                .filter(v -> !at.isBefore(v.effectiveFrom()) && (v.effectiveTo() == null || at.isBefore(v.effectiveTo()))).findFirst();
    }

    public List<TradeRules> versions(MarketCode market) {
        return jdbc.sql("select * from market.trade_rule_version where market_code = :market order by effective_from")
                .param("market", market.value()).query(TradeRuleStore::rules).list();
    }

    public boolean exists(MarketCode market, Instant effectiveFrom) {
        return jdbc.sql("select count(*) from market.trade_rule_version where market_code = :market and effective_from = :from")
                .param("market", market.value()).param("from", Timestamp.from(effectiveFrom))
                .query(Long.class).single() > 0;
    }

    /** Ends a version earlier, so a newer one can start at {@code end}. */
    public void endAt(UUID id, Instant end) {
        jdbc.sql("update market.trade_rule_version set effective_to = :end where id = :id")
                .param("end", Timestamp.from(end)).param("id", id).update();
    }

    public void insert(TradeRules rules, String createdBy, Instant now) {
        Map<String, Object> values = new HashMap<>();
        values.put("id", rules.id());
        values.put("market", rules.market().value());
        values.put("from", Timestamp.from(rules.effectiveFrom()));
        values.put("to", rules.effectiveTo() == null ? null : Timestamp.from(rules.effectiveTo()));
        values.put("taxName", rules.taxName());
        values.put("rate", rules.importTaxRatePct());
        values.put("collection", rules.collection().key());
        putMoney(values, "ceiling", rules.checkoutCeiling());
        putMoney(values, "duty", rules.dutyDeMinimis() == null ? null : rules.dutyDeMinimis().amount());
        values.put("dutyBasis", rules.dutyDeMinimis() == null ? "none" : rules.dutyDeMinimis().basis().key());
        putMoney(values, "tax", rules.taxDeMinimis() == null ? null : rules.taxDeMinimis().amount());
        values.put("taxBasis", rules.taxDeMinimis() == null ? "none" : rules.taxDeMinimis().basis().key());
        putMoney(values, "flat", rules.flatDutyPerCategory());
        values.put("prohibited", String.join(",", rules.prohibitedCategories().stream().sorted().toList()));
        values.put("source", rules.source());
        values.put("asOf", rules.asOf());
        values.put("confidence", rules.confidence());
        values.put("notes", rules.notes());
        values.put("by", createdBy);
        values.put("now", Timestamp.from(now));
        jdbc.sql("""
                insert into market.trade_rule_version (id, market_code, effective_from, effective_to, tax_name,
                    import_tax_rate_pct, tax_collection, checkout_ceiling_minor, checkout_ceiling_currency,
                    duty_de_minimis_minor, duty_de_minimis_currency, duty_basis, tax_de_minimis_minor, tax_de_minimis_currency,
                    tax_basis, flat_duty_per_category_minor, flat_duty_currency, prohibited_categories, source, as_of,
                    confidence, notes, created_by, created_at)
                values (:id, :market, :from, :to, :taxName, :rate, :collection, :ceilingMinor, :ceilingCurrency,
                    :dutyMinor, :dutyCurrency, :dutyBasis, :taxMinor, :taxCurrency, :taxBasis, :flatMinor, :flatCurrency,
                    coalesce(string_to_array(nullif(:prohibited, ''), ','), '{}'), :source, :asOf, :confidence, :notes, :by, :now)
                """).params(values).update();
    }

    private static void putMoney(Map<String, Object> values, String prefix, @Nullable Money money) {
        values.put(prefix + "Minor", money == null ? null : money.minor());
        values.put(prefix + "Currency", money == null ? null : money.currency().code());
    }

    private static TradeRules rules(ResultSet rs, int row) throws SQLException {
        Set<String> prohibited = new HashSet<>();
        Array array = rs.getArray("prohibited_categories");
        if (array != null) {
            for (Object category : (Object[]) array.getArray()) {
                prohibited.add((String) category);
            }
        }
        Timestamp to = rs.getTimestamp("effective_to");
        return new TradeRules(rs.getObject("id", UUID.class), new MarketCode(rs.getString("market_code")),
                rs.getTimestamp("effective_from").toInstant(), to == null ? null : to.toInstant(),
                rs.getString("tax_name"), rs.getBigDecimal("import_tax_rate_pct"),
                TaxCollection.fromKey(rs.getString("tax_collection")), money(rs, "checkout_ceiling"),
                threshold(rs, "duty_de_minimis", "duty_basis"), threshold(rs, "tax_de_minimis", "tax_basis"),
                money(rs, "flat_duty_per_category_minor", "flat_duty_currency"), prohibited, rs.getString("source"),
                rs.getString("as_of"), rs.getString("confidence"), rs.getString("notes"));
    }

    private static @Nullable Threshold threshold(ResultSet rs, String prefix, String basisColumn) throws SQLException {
        Money amount = money(rs, prefix);
        return amount == null ? null : new Threshold(amount, ValueBasis.fromKey(rs.getString(basisColumn)));
    }

    private static @Nullable Money money(ResultSet rs, String prefix) throws SQLException {
        return money(rs, prefix + "_minor", prefix + "_currency");
    }

    private static @Nullable Money money(ResultSet rs, String minorColumn, String currencyColumn) throws SQLException {
        long minor = rs.getLong(minorColumn);
        if (rs.wasNull()) {
            return null;
        }
        return new Money(minor, CurrencyCode.of(rs.getString(currencyColumn)));
    }
}
