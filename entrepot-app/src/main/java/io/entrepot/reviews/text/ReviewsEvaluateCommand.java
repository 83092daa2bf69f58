package io.entrepot.reviews.text;

import io.entrepot.reviews.IntegrityPolicy;
import io.entrepot.shared.command.CommandFailedException;
import io.entrepot.shared.command.CommandHandler;
import io.entrepot.shared.command.CommandOptions;
import io.entrepot.shared.command.OperatorCommand;
import java.util.List;
import java.util.Set;

/** Scores a labelled CSV as {@code reviews score} would and prints how well the scores match the labels. */
@OperatorCommand(name = "reviews evaluate", database = false,
        summary = "precision, recall, F1, ROC AUC and confusion matrix of the text signals on a labelled CSV",
        usage = "--input labelled.csv [--model DIR] [--threshold 0.5]")
class ReviewsEvaluateCommand implements CommandHandler {

    private static final String USAGE = "reviews evaluate --input labelled.csv [--model DIR] [--threshold 0.5]";

    @Override
    public int run(List<String> arguments) {
        var options = CommandOptions.parse(arguments, Set.of("input", "model", "threshold"), Set.of("input"), USAGE);
        double threshold = options.number("threshold", 0.5, 0, 1);
        var file = LabelledText.read(options.path("input"));
        CsvScoring.reportSkipped(file.skipped(), System.err, 20);
        if (file.rows().isEmpty()) {
            throw new CommandFailedException(options.require("input") + " has no usable labelled rows");
        }
        var signals = new TextSignals(ModelOption.load(options));
        System.out.println("model " + signals.model().version() + ", " + file.skipped().size() + " rows skipped");
        System.out.print(evaluate(signals, file, threshold).report());
        return 0;
    }

    /** The evaluation of the combined text score (the score column of {@code reviews score}). */
    static Evaluation evaluate(TextSignals signals, LabelledText.File file, double threshold) {
        var rows = file.rows();
        var scored = new CsvScoring(signals, ModelOption.threads()).scoreAll(
                rows.stream().map(r -> Integer.toString(r.line())).toList(), rows.stream().map(LabelledText::text).toList());
        boolean[] labels = new boolean[rows.size()];
        double[] scores = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            labels[i] = rows.get(i).generated();
            scores[i] = IntegrityPolicy.score(scored.signalsOf(i, signals));
        }
        return Evaluation.of(labels, scores, threshold);
    }
}
