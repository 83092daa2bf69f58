package io.entrepot.reviews;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/**
 * Which rung a seller stands on: the number of confirmed fake reviews within the rolling window
 * against the threshold of each step. As old fakes leave the window the rung falls again, so
 * penalties decay on their own.
 */
public record EnforcementLadder(Duration window, int warningAt, int penaltyAt, int restrictionAt, int suspensionAt, BigDecimal penaltyFactor) {

    public EnforcementLadder {
        if (window.isNegative() || window.isZero() || warningAt < 1 || penaltyAt < warningAt || restrictionAt < penaltyAt
                || suspensionAt < restrictionAt) {
            throw new IllegalArgumentException("the ladder needs a positive window and thresholds 1 ≤ warning ≤ penalty ≤ restriction ≤ suspension");
        }
        if (penaltyFactor.signum() <= 0 || penaltyFactor.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a ranking penalty factor lies between 0 and 1");
        }
    }

    /** How many of the confirmations fall within the window that ends now. */
    public int fakesInWindow(Collection<Instant> confirmations, Instant now) {
        Instant from = now.minus(window);
        return (int) confirmations.stream().filter(at -> at.isAfter(from) && !at.isAfter(now)).count();
    }

    /** The highest step a count of fakes reaches, if any. */
    public Optional<EnforcementStep> stepFor(int fakes) {
        if (fakes >= suspensionAt) {
            return Optional.of(EnforcementStep.SUSPENSION);
        }
        if (fakes >= restrictionAt) {
            return Optional.of(EnforcementStep.RESTRICTION);
        }
        if (fakes >= penaltyAt) {
            return Optional.of(EnforcementStep.RANKING_PENALTY);
        }
        return fakes >= warningAt ? Optional.of(EnforcementStep.WARNING) : Optional.empty();
    }

    public int thresholdOf(EnforcementStep step) {
        return switch (step) {
            case WARNING -> warningAt;
            case RANKING_PENALTY -> penaltyAt;
            case RESTRICTION -> restrictionAt;
            case SUSPENSION -> suspensionAt;
        };
    }
}
