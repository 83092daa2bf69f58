package io.entrepot.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuppressionRuleTests {

    private static final SuppressionRule RULE = SuppressionRule.DEFAULT;

    @Test
    void fewerThanFiveSellersOrOneAboveHalfIsSuppressed() {
        assertThat(RULE.reasonToSuppress(List.of(10L, 10L, 10L, 10L))).contains("fewer than 5 sellers");
        assertThat(RULE.reasonToSuppress(List.of(60L, 10L, 10L, 10L, 10L))).contains("one seller has more than 50% of it");
        assertThat(RULE.reasonToSuppress(List.of(50L, 20L, 10L, 10L, 10L))).isEmpty();
        assertThat(RULE.reasonToSuppress(List.of(10L, 10L, 10L, 10L, 10L, 0L))).isEmpty();
        assertThat(RULE.reasonToSuppress(List.of(10L, 10L, 10L, 10L, 0L))).contains("fewer than 5 sellers");
    }

    @Test
    void aShownCellNeverHasFewerThanKSellersNorADominantOne() {
        qt().forAll(lists().of(integers().between(0, 1000)).ofSizeBetween(0, 12)).checkAssert(sales -> {
            List<Long> contributions = sales.stream().map(Integer::longValue).toList();
            if (RULE.reasonToSuppress(contributions).isEmpty()) {
                long total = contributions.stream().mapToLong(Long::longValue).sum();
                assertThat(contributions.stream().filter(c -> c > 0).count()).isGreaterThanOrEqualTo(5);
                assertThat(contributions.stream().allMatch(c -> c <= total / 2.0)).isTrue();
            }
        });
    }
}
