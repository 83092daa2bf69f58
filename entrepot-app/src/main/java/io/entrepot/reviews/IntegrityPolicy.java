package io.entrepot.reviews;

import java.util.List;

/**
 * Turns signals into a score and the score into a verdict. The score is a noisy-or: 1 − Π(1 − value ×
 * weight), so each signal's share is visible and no signal can push past its weight alone. A review
 * is held from {@code holdAt}, and removed from {@code removeAt} only when at least
 * {@code corroboration} signals each contribute {@value #CORROBORATING} or more: one signal on its own
 * (say, text that reads machine-written) never removes a review without a person looking at it.
 */
public record IntegrityPolicy(double holdAt, double removeAt, int corroboration) {

    public static final double CORROBORATING = 0.3;
    public static final IntegrityPolicy DEFAULT = new IntegrityPolicy(0.6, 0.9, 2);

    public IntegrityPolicy {
        if (!(holdAt > 0 && holdAt <= removeAt && removeAt <= 1) || corroboration < 1) {
            throw new IllegalArgumentException("thresholds need 0 < hold ≤ remove ≤ 1 and at least one corroborating signal");
        }
    }

    public static double score(List<Signal> signals) {
        double clean = 1;
        for (Signal signal : signals) {
            clean *= 1 - signal.contribution();
        }
        return 1 - clean;
    }

    public Verdict verdict(List<Signal> signals) {
        double score = score(signals);
        long corroborating = signals.stream().filter(s -> s.contribution() >= CORROBORATING).count();
        if (score >= removeAt && corroborating >= corroboration) {
            return Verdict.REMOVE;
        }
        return score >= holdAt ? Verdict.HOLD : Verdict.PUBLISH;
    }
}
