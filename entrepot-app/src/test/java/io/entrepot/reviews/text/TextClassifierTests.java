package io.entrepot.reviews.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The text classifier against the acceptance figure: F1 of CG at least 0.93 on the held-out fifth of
 * the labelled data, both for a model trained here and for the model that ships with the app.
 */
class TextClassifierTests {

    private static final Path TRAIN = Path.of("../datasets/reviews/train.csv");
    private static final Path HOLDOUT = Path.of("../datasets/reviews/holdout.csv");

    @Test
    void aModelTrainedOnTheTrainingSplitReachesF1OfAtLeast093OnTheHeldOutSplit() {
        var training = LabelledText.read(TRAIN);
        assertThat(training.rows()).hasSize(3200);
        TextModel model = new TextModelTrainer().train(training.rows(), "test", Instant.EPOCH, Map.of());

        Evaluation evaluation = ReviewsEvaluateCommand.evaluate(new TextSignals(model), LabelledText.read(HOLDOUT), 0.5);

        assertThat(evaluation.f1()).isGreaterThanOrEqualTo(0.93);
        assertThat(evaluation.rocAuc()).isGreaterThan(0.97);
        assertThat(evaluation.truePositives() + evaluation.falseNegatives()).isEqualTo(411);
    }

    @Test
    void theBundledModelKeepsItsRecordedFiguresOnTheHeldOutSplit() {
        TextModel bundled = TextModel.bundled();
        Evaluation evaluation = ReviewsEvaluateCommand.evaluate(new TextSignals(bundled), LabelledText.read(HOLDOUT), 0.5);

        assertThat(evaluation.f1()).isGreaterThanOrEqualTo(0.93);
        assertThat(bundled.description()).containsEntry("training-file", "train.csv").containsKey("attribution");
        assertThat(Double.parseDouble(bundled.description().get("holdout-cg-f1"))).isCloseTo(evaluation.f1(), org.assertj.core.data.Offset.offset(0.002));
    }

    @Test
    void aSavedModelLoadsWithTheSameScores(@org.junit.jupiter.api.io.TempDir Path folder) {
        TextModel bundled = TextModel.bundled();
        bundled.save(folder);
        TextModel loaded = TextModel.load(folder);
        var features = new TextFeatures();
        String text = "Great product, arrived quickly and works as described.";
        assertThat(loaded.probabilityGenerated(features, text)).isEqualTo(bundled.probabilityGenerated(features, text));
        assertThat(loaded.version()).isEqualTo(bundled.version());
    }

    @Test
    void evaluationFiguresFollowTheirDefinitions() {
        boolean[] labels = {true, true, false, false, true};
        double[] scores = {0.9, 0.4, 0.6, 0.1, 0.8};
        Evaluation e = Evaluation.of(labels, scores, 0.5);
        assertThat(e.truePositives()).isEqualTo(2);
        assertThat(e.falseNegatives()).isEqualTo(1);
        assertThat(e.falsePositives()).isEqualTo(1);
        assertThat(e.trueNegatives()).isEqualTo(1);
        assertThat(e.precision()).isEqualTo(2 / 3.0);
        assertThat(e.recall()).isEqualTo(2 / 3.0);
        // Positives 0.9, 0.8, 0.4 against negatives 0.6, 0.1: 5 of 6 pairs ordered right.
        assertThat(e.rocAuc()).isEqualTo(5 / 6.0);
    }
}
