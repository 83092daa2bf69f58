package io.entrepot.ledger;

import io.entrepot.shared.ActorContext;
import io.entrepot.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fee engine: which commission and payment fee a sale pays, and why. A promotion for the seller's
 * or the market's cohort overrides the commission schedule; otherwise the most specific schedule in
 * force applies (market and category, then market, then category, then all). The rule's label is
 * recorded on the order line, so a seller sees why they paid what they paid. Schedules and promotions
 * are small and change rarely: each node reads them at most every few seconds (at once after it changed
 * them itself), not for every order line.
 */
@Service
@Transactional(readOnly = true)
public class Fees {

    private static final java.time.Duration SNAPSHOT_AGE = java.time.Duration.ofSeconds(5);

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile @Nullable Snapshot snapshot;

    Fees(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** The schedules and promotions as read at one moment (system time, not the injectable clock). */
    private record Snapshot(List<FeeRule> commission, List<FeeRule> payment, List<Promotion> promotions, long readAtNanos) {
    }

    private Snapshot snapshot() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.readAtNanos() > SNAPSHOT_AGE.toNanos()) {
            current = new Snapshot(rules("commission"), rules("payment"), promotions(), System.nanoTime());
            snapshot = current;
        }
        return current;
    }

    /** What a sale is: market, the product's category and its parent, and the cohorts' start dates. */
    public record Sale(String market, String category, String parentCategory, Instant sellerJoinedAt, Instant marketOpenedAt, Instant at) {
    }

    /** A fee and the rule it came from. */
    public record Fee(Money amount, String rule) {
    }

    /** A fee schedule line as operators state it. */
    public record FeeRule(UUID id, String feeType, @Nullable String market, @Nullable String category, BigDecimal pct, long fixedMinor,
            @Nullable Long minMinor, @Nullable Long maxMinor, @Nullable String currency, String label, Instant effectiveFrom,
            @Nullable Instant effectiveTo) {

        public FeeRule {
            if (!feeType.equals("commission") && !feeType.equals("payment")) {
                throw new IllegalArgumentException("a fee type is commission or payment");
            }
            if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("a fee percentage is between 0 and 100");
            }
            if ((fixedMinor != 0 || minMinor != null || maxMinor != null) && currency == null) {
                throw new IllegalArgumentException("a fixed part, minimum or maximum needs a currency");
            }
            if (minMinor != null && maxMinor != null && minMinor > maxMinor) {
                throw new IllegalArgumentException("the minimum must not exceed the maximum");
            }
            if (effectiveTo != null && !effectiveTo.isAfter(effectiveFrom)) {
                throw new IllegalArgumentException("effectiveTo must be after effectiveFrom");
            }
            if (label == null || label.isBlank() || label.length() > 200) {
                throw new IllegalArgumentException("a fee rule needs a label of 1 to 200 characters");
            }
        }

        /** The fee on an amount: percent (half up) plus the fixed part, within minimum and maximum, never above the amount. */
        Money on(Money amount) {
            long fee = Math.addExact(amount.percent(pct, RoundingMode.HALF_UP).minor(), fixedMinor);
            if (minMinor != null) {
                fee = Math.max(fee, minMinor);
            }
            if (maxMinor != null) {
                fee = Math.min(fee, maxMinor);
            }
            return new Money(Math.min(fee, amount.minor()), amount.currency());
        }
    }

    /** A promotion: the cohort's commission percentage for its first days. */
    public record Promotion(UUID id, String name, String cohort, int days, BigDecimal pct, @Nullable String market, Instant activeFrom,
            @Nullable Instant activeTo) {

        public Promotion {
            if (!cohort.equals("seller_first_days") && !cohort.equals("market_first_days")) {
                throw new IllegalArgumentException("a promotion's cohort is seller_first_days or market_first_days");
            }
            if (days < 1 || days > 3650) {
                throw new IllegalArgumentException("a promotion lasts 1 to 3,650 days");
            }
            if (pct.signum() < 0 || pct.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new IllegalArgumentException("a promotion's percentage is between 0 and 100");
            }
            if (name == null || name.isBlank() || name.length() > 200) {
                throw new IllegalArgumentException("a promotion needs a name of 1 to 200 characters");
            }
        }

        boolean covers(Sale sale) {
            if (sale.at().isBefore(activeFrom) || (activeTo != null && !sale.at().isBefore(activeTo))
                    || (market != null && !market.equals(sale.market()))) {
                return false;
            }
            Instant cohortStart = cohort.equals("seller_first_days") ? sale.sellerJoinedAt() : sale.marketOpenedAt();
            // A market promotion is for markets opened while it runs, not for those that were already open.
            if (cohort.equals("market_first_days") && cohortStart.isBefore(activeFrom)) {
                return false;
            }
            return sale.at().isBefore(cohortStart.plus(Duration.ofDays(days)));
        }
    }

    public Fee commission(Sale sale, Money amount) {
        for (Promotion promotion : snapshot().promotions()) {
            if (promotion.covers(sale)) {
                Money fee = new FeeRule(promotion.id(), "commission", null, null, promotion.pct(), 0, null, null, null, promotion.name(),
                        promotion.activeFrom(), null).on(amount);
                return new Fee(fee, "promotion: " + promotion.name() + " (" + promotion.pct().stripTrailingZeros().toPlainString() + "%)");
            }
        }
        FeeRule rule = best("commission", sale.market(), sale.category(), sale.parentCategory(), sale.at(), amount)
                .orElseThrow(() -> new IllegalStateException("no commission schedule applies in " + sale.market()));
        return new Fee(rule.on(amount), rule.label());
    }

    public Fee paymentFee(String market, Instant at, Money amount) {
        FeeRule rule = best("payment", market, "", "", at, amount)
                .orElseThrow(() -> new IllegalStateException("no payment fee schedule applies in " + market));
        return new Fee(rule.on(amount), rule.label());
    }

    /**
     * The share of a fee given back when part of the amount it was charged on is refunded: in
     * proportion, rounded down, so the platform never gives back more than it took.
     */
    public static Money givenBack(Money fee, Money charged, Money refunded) {
        if (charged.isZero()) {
            return Money.zero(fee.currency());
        }
        return new Money(java.math.BigInteger.valueOf(fee.minor()).multiply(java.math.BigInteger.valueOf(refunded.minor()))
                .divide(java.math.BigInteger.valueOf(charged.minor())).longValueExact(), fee.currency());
    }

    private Optional<FeeRule> best(String type, String market, String category, String parent, Instant at, Money amount) {
        Snapshot current = snapshot();
        return (type.equals("commission") ? current.commission() : current.payment()).stream()
                .filter(r -> !at.isBefore(r.effectiveFrom()) && (r.effectiveTo() == null || at.isBefore(r.effectiveTo())))
                .filter(r -> r.market() == null || r.market().equals(market))
                .filter(r -> r.category() == null || r.category().equals(category) || r.category().equals(parent))
                .filter(r -> r.currency() == null || r.currency().equals(amount.currency().code()))
                .max(java.util.Comparator.<FeeRule>comparingInt(r -> (r.market() != null ? 4 : 0)
                        + (category.equals(r.category()) ? 2 : parent.equals(r.category()) ? 1 : 0))
                        .thenComparing(FeeRule::effectiveFrom));
    }

    public List<FeeRule> rules(String type) {
        return jdbc.sql("select * from ledger.fee_rule where fee_type = :type order by effective_from, id").param("type", type)
                .query((rs, n) -> new FeeRule(rs.getObject("id", UUID.class), rs.getString("fee_type"), rs.getString("market_code"),
                        rs.getString("category"), rs.getBigDecimal("pct"), rs.getLong("fixed_minor"), (Long) rs.getObject("min_minor"),
                        (Long) rs.getObject("max_minor"), rs.getString("currency"), rs.getString("label"),
                        rs.getTimestamp("effective_from").toInstant(),
                        rs.getTimestamp("effective_to") == null ? null : rs.getTimestamp("effective_to").toInstant()))
                .list();
    }

    public List<Promotion> promotions() {
        return jdbc.sql("select * from ledger.promotion order by active_from, id")
                .query((rs, n) -> new Promotion(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("cohort"), rs.getInt("days"),
                        rs.getBigDecimal("pct"), rs.getString("market_code"), rs.getTimestamp("active_from").toInstant(),
                        rs.getTimestamp("active_to") == null ? null : rs.getTimestamp("active_to").toInstant()))
                .list();
    }

    @Transactional
    public FeeRule addRule(FeeRule rule) {
        jdbc.sql("""
                insert into ledger.fee_rule (id, fee_type, market_code, category, pct, fixed_minor, min_minor, max_minor, currency, label,
                    effective_from, effective_to, created_by, created_at)
                values (:id, :type, :market, :category, :pct, :fixed, :min, :max, :currency, :label, :from, :to, :by, :now)
                """).param("id", rule.id()).param("type", rule.feeType()).param("market", rule.market()).param("category", rule.category())
                .param("pct", rule.pct()).param("fixed", rule.fixedMinor()).param("min", rule.minMinor()).param("max", rule.maxMinor())
                .param("currency", rule.currency()).param("label", rule.label()).param("from", Timestamp.from(rule.effectiveFrom()))
                .param("to", rule.effectiveTo() == null ? null : Timestamp.from(rule.effectiveTo()))
                .param("by", ActorContext.currentName()).param("now", Timestamp.from(clock.instant())).update();
        snapshot = null;
        return rule;
    }

    @Transactional
    public Promotion addPromotion(Promotion promotion) {
        jdbc.sql("""
                insert into ledger.promotion (id, name, cohort, days, pct, market_code, active_from, active_to, created_by, created_at)
                values (:id, :name, :cohort, :days, :pct, :market, :from, :to, :by, :now)
                """).param("id", promotion.id()).param("name", promotion.name()).param("cohort", promotion.cohort().toLowerCase(Locale.ROOT))
                .param("days", promotion.days()).param("pct", promotion.pct()).param("market", promotion.market())
                .param("from", Timestamp.from(promotion.activeFrom()))
                .param("to", promotion.activeTo() == null ? null : Timestamp.from(promotion.activeTo()))
                .param("by", ActorContext.currentName()).param("now", Timestamp.from(clock.instant())).update();
        snapshot = null;
        return promotion;
    }
}
