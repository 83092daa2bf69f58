package io.entrepot.governance;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Category-by-market statistics for the first-party retail team and analysts: units, sales, average
 * unit price and growth on the month before — one cell per category, market and calendar month, and a
 * cell only where the {@link SuppressionRule} lets it be shown (k distinct sellers, no seller above the
 * dominance share, in the month and in the month compared with). The cells partition the sales (no
 * totals, no free periods or filters), so no difference of two answers singles out a seller.
 */
@Service
public class CategoryStatistics {

    private final SalesSource sales;
    private final Clock clock;
    private final SuppressionRule rule;

    CategoryStatistics(SalesSource sales, Clock clock, @Value("${entrepot.governance.aggregates.k:5}") int k,
            @Value("${entrepot.governance.aggregates.dominance:0.5}") double dominance) {
        this.sales = sales;
        this.clock = clock;
        this.rule = new SuppressionRule(k, dominance);
    }

    public SuppressionRule rule() {
        return rule;
    }

    /** One category's cell; the figures are null when the cell is suppressed, and the reason says why. */
    public record Cell(String category, @Nullable Long units, @Nullable BigDecimal sales, @Nullable BigDecimal averageUnitPrice,
            @Nullable BigDecimal growthPct, @Nullable String suppressed) {
    }

    public record Report(String market, String month, String currency, int k, double dominance, List<Cell> cells) {
    }

    public Report of(String market, YearMonth month) {
        if (!month.isBefore(YearMonth.now(clock.withZone(ZoneOffset.UTC)).plusMonths(1))) {
            throw new IllegalArgumentException("statistics are for months that have begun, not " + month);
        }
        String code = market.toUpperCase(Locale.ROOT);
        if (!code.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException("market is a two-letter code, not '" + market + "'");
        }
        var current = byCategory(sales.of(code, month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        var previous = byCategory(sales.of(code, month.minusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC),
                month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
        String currency = current.values().stream().flatMap(List::stream).map(SalesSource.SellerCategorySales::currency).findFirst().orElse("");
        List<Cell> cells = new ArrayList<>();
        for (var entry : current.entrySet()) {
            List<SalesSource.SellerCategorySales> rows = entry.getValue();
            var reason = rule.reasonToSuppress(perSeller(rows).values());
            if (reason.isPresent()) {
                cells.add(new Cell(entry.getKey(), null, null, null, null, reason.get()));
                continue;
            }
            long units = rows.stream().mapToLong(SalesSource.SellerCategorySales::units).sum();
            long goods = rows.stream().mapToLong(SalesSource.SellerCategorySales::goodsMinor).sum();
            int digits = java.util.Currency.getInstance(currency).getDefaultFractionDigits();
            BigDecimal total = BigDecimal.valueOf(goods, digits);
            BigDecimal growth = null;
            var before = previous.get(entry.getKey());
            if (before != null && rule.reasonToSuppress(perSeller(before).values()).isEmpty()) {
                long then = before.stream().mapToLong(SalesSource.SellerCategorySales::goodsMinor).sum();
                if (then > 0) {
                    growth = BigDecimal.valueOf((goods - then) * 100.0 / then).setScale(1, java.math.RoundingMode.HALF_UP);
                }
            }
            cells.add(new Cell(entry.getKey(), units, total, total.divide(BigDecimal.valueOf(units), digits, java.math.RoundingMode.HALF_UP), growth,
                    null));
        }
        return new Report(code, month.toString(), currency, rule.k(), rule.dominance(), cells);
    }

    private static Map<String, List<SalesSource.SellerCategorySales>> byCategory(List<SalesSource.SellerCategorySales> rows) {
        return rows.stream().collect(Collectors.groupingBy(SalesSource.SellerCategorySales::category, TreeMap::new, Collectors.toList()));
    }

    private static Map<UUID, Long> perSeller(List<SalesSource.SellerCategorySales> rows) {
        return rows.stream().collect(Collectors.groupingBy(SalesSource.SellerCategorySales::sellerId,
                Collectors.summingLong(SalesSource.SellerCategorySales::goodsMinor)));
    }
}
