package io.entrepot.reviews;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The named rules of review integrity: the policy's score and verdicts, brushing, and the ladder's rungs and decay. */
class IntegrityRulesTests {

    private static final IntegrityPolicy POLICY = IntegrityPolicy.DEFAULT;
    private static final EnforcementLadder LADDER = new EnforcementLadder(Duration.ofDays(90), 1, 3, 10, 25, new BigDecimal("0.5"));

    private static Signal signal(String name, double value, double weight) {
        return new Signal(name, value, weight, "test");
    }

    @Test
    void theScoreIsANoisyOrThatNoSignalCanPushPastItsWeightAlone() {
        qt().forAll(doubles().between(0, 1), doubles().between(0, 1), doubles().between(0, 1), doubles().between(0, 1))
                .checkAssert((v1, w1, v2, w2) -> {
                    var a = signal("a", v1, w1);
                    var b = signal("b", v2, w2);
                    double score = IntegrityPolicy.score(List.of(a, b));
                    assertThat(score).isBetween(Math.max(a.contribution(), b.contribution()) - 1e-12, 1.0);
                    assertThat(IntegrityPolicy.score(List.of(a))).isCloseTo(a.contribution(), org.assertj.core.data.Offset.offset(1e-12));
                    assertThat(score).isCloseTo(IntegrityPolicy.score(List.of(b, a)), org.assertj.core.data.Offset.offset(1e-12));
                });
    }

    @Test
    void oneSignalAloneNeverRemovesAReviewButTwoStrongOnesDo() {
        var machineText = signal(Signal.TEXT_GENERATED, 0.99, 1.0);
        assertThat(POLICY.verdict(List.of(machineText))).isEqualTo(Verdict.HOLD);
        var brushing = signal(Signal.BRUSHING, 1, 0.8);
        assertThat(POLICY.verdict(List.of(machineText, brushing))).isEqualTo(Verdict.REMOVE);
        assertThat(POLICY.verdict(List.of(signal(Signal.TEXT_GENERATED, 0.2, 1.0), signal(Signal.FAST_AFTER_DELIVERY, 1, 0.1))))
                .isEqualTo(Verdict.PUBLISH);
        assertThatThrownBy(() -> new IntegrityPolicy(0.9, 0.5, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> signal("x", 1.5, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void brushingNeedsSeveralLowValueOrdersWithoutCarrierScans() {
        var pattern = new BrushingPattern(3, 5);
        var cheapUnscanned = new BrushingPattern.LinkedOrder(true, false);
        var cheapScanned = new BrushingPattern.LinkedOrder(true, true);
        var dearUnscanned = new BrushingPattern.LinkedOrder(false, false);
        assertThat(pattern.signal(List.of(cheapUnscanned, cheapUnscanned), 0.8).value()).isZero();
        assertThat(pattern.signal(List.of(cheapUnscanned, cheapUnscanned, cheapScanned, dearUnscanned), 0.8).value()).isZero();
        assertThat(pattern.signal(List.of(cheapUnscanned, cheapUnscanned, cheapUnscanned), 0.8).value()).isEqualTo(0.6);
        assertThat(pattern.signal(java.util.Collections.nCopies(20, cheapUnscanned), 0.8).value()).isEqualTo(1.0);
    }

    @Test
    void theLadderClimbsWithConfirmedFakesInTheWindow() {
        assertThat(LADDER.stepFor(0)).isEmpty();
        assertThat(LADDER.stepFor(1)).contains(EnforcementStep.WARNING);
        assertThat(LADDER.stepFor(3)).contains(EnforcementStep.RANKING_PENALTY);
        assertThat(LADDER.stepFor(10)).contains(EnforcementStep.RESTRICTION);
        assertThat(LADDER.stepFor(25)).contains(EnforcementStep.SUSPENSION);
        qt().forAll(integers().between(0, 200), integers().between(0, 200)).checkAssert((a, b) -> {
            int low = Math.min(a, b);
            int high = Math.max(a, b);
            assertThat(rung(LADDER.stepFor(low))).isLessThanOrEqualTo(rung(LADDER.stepFor(high)));
        });
    }

    @Test
    void penaltiesDecayAsFakesLeaveTheWindow() {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        List<Instant> confirmations = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            confirmations.add(start.plus(Duration.ofDays(i * 5)));
        }
        Instant lastDay = start.plus(Duration.ofDays(55));
        assertThat(LADDER.stepFor(LADDER.fakesInWindow(confirmations, lastDay))).contains(EnforcementStep.RESTRICTION);
        // 100 days after the first: the first three (days 0, 5 and 10 after start) have left the 90-day window.
        Instant later = start.plus(Duration.ofDays(100));
        assertThat(LADDER.fakesInWindow(confirmations, later)).isEqualTo(9);
        assertThat(LADDER.stepFor(9)).contains(EnforcementStep.RANKING_PENALTY);
        assertThat(LADDER.stepFor(LADDER.fakesInWindow(confirmations, start.plus(Duration.ofDays(200))))).isEmpty();
        assertThatThrownBy(() -> new EnforcementLadder(Duration.ofDays(90), 3, 1, 10, 25, new BigDecimal("0.5")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnforcementLadder(Duration.ofDays(90), 1, 3, 10, 25, BigDecimal.ONE)).isInstanceOf(IllegalArgumentException.class);
    }

    private static int rung(Optional<EnforcementStep> step) {
        return step.map(Enum::ordinal).orElse(-1);
    }
}
