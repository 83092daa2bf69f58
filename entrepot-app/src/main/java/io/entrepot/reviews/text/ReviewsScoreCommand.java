package io.entrepot.reviews.text;

import io.entrepot.shared.command.CommandHandler;
import io.entrepot.shared.command.CommandOptions;
import io.entrepot.shared.command.OperatorCommand;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Scores a CSV of reviews with every text signal, as the platform scores a review when it is written. */
@OperatorCommand(name = "reviews score", database = false,
        summary = "score a CSV of reviews (columns id,text and optional rating) with every text signal",
        usage = "--input reviews.csv --output scores.csv [--model DIR] [--threshold 0.5]")
class ReviewsScoreCommand implements CommandHandler {

    private static final String USAGE = "reviews score --input reviews.csv --output scores.csv [--model DIR] [--threshold 0.5]";

    @Override
    public int run(List<String> arguments) {
        var options = CommandOptions.parse(arguments, Set.of("input", "output", "model", "threshold"), Set.of("input", "output"), USAGE);
        double threshold = options.number("threshold", 0.5, 0, 1);
        var signals = new TextSignals(ModelOption.load(options));
        var summary = new CsvScoring(signals, ModelOption.threads()).score(options.path("input"), options.path("output"), threshold);
        CsvScoring.reportSkipped(summary.skipped(), System.err, 20);
        System.out.printf(Locale.ROOT, "scored %d reviews in %.1f s (%.0f reviews/s) with model %s: %d labelled CG at %.2f, %d near-duplicates; %d rows skipped%n",
                summary.scored(), summary.millis() / 1000.0, summary.perSecond(), signals.model().version(), summary.generated(), threshold,
                summary.nearDuplicates(), summary.skipped().size());
        System.out.printf(Locale.ROOT, "  reading and text scoring %.1f s, near-duplicate search %.1f s, writing %.1f s%n", summary.textMillis() / 1000.0,
                summary.duplicateMillis() / 1000.0, (summary.millis() - summary.textMillis() - summary.duplicateMillis()) / 1000.0);
        return 0;
    }
}
