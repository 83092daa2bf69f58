package io.entrepot.governance;

import java.util.Collection;
import java.util.Optional;

/**
 * When a statistic would reveal a seller: fewer than {@code k} distinct sellers contribute, or one seller
 * contributes more than {@code dominance} of the total (so that the total says roughly what that seller
 * sold). Such a cell is suppressed.
 */
public record SuppressionRule(int k, double dominance) {

    public static final SuppressionRule DEFAULT = new SuppressionRule(5, 0.5);

    public SuppressionRule {
        if (k < 2 || !(dominance > 0 && dominance < 1)) {
            throw new IllegalArgumentException("k is at least 2 and the dominance share lies between 0 and 1");
        }
    }

    /** Why the cell of these per-seller contributions must be suppressed, or empty when it may be shown. */
    public Optional<String> reasonToSuppress(Collection<Long> contributions) {
        long sellers = contributions.stream().filter(c -> c > 0).count();
        if (sellers < k) {
            return Optional.of("fewer than " + k + " sellers");
        }
        long total = contributions.stream().mapToLong(Long::longValue).sum();
        long largest = contributions.stream().mapToLong(Long::longValue).max().orElse(0);
        if (total > 0 && largest > dominance * total) {
            return Optional.of("one seller has more than " + Math.round(dominance * 100) + "% of it");
        }
        return Optional.empty();
    }
}
