package io.entrepot.reviews.text;

import io.entrepot.shared.command.CommandFailedException;
import io.entrepot.shared.command.CommandHandler;
import io.entrepot.shared.command.CommandOptions;
import io.entrepot.shared.command.OperatorCommand;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trains the text classifier from a labelled CSV (for example the operator's own moderation
 * decisions) and writes the model folder the app loads at start ({@code entrepot.reviews.model}).
 * With {@code --holdout}, the new model's figures on that file are printed and kept in its description.
 */
@OperatorCommand(name = "reviews train", database = false,
        summary = "train the review text classifier from a labelled CSV (columns label,text; labels CG/OR)",
        usage = "--input labelled.csv --model out/ [--holdout labelled.csv] [--version NAME] [--cost 16]")
class ReviewsTrainCommand implements CommandHandler {

    private static final String USAGE = "reviews train --input labelled.csv --model out/ [--holdout labelled.csv] [--version NAME] [--cost 16]";

    @Override
    public int run(List<String> arguments) {
        var options = CommandOptions.parse(arguments, Set.of("input", "model", "holdout", "version", "cost"), Set.of("input", "model"), USAGE);
        Path input = options.path("input");
        var file = LabelledText.read(input);
        CsvScoring.reportSkipped(file.skipped(), System.err, 20);
        if (file.rows().isEmpty()) {
            throw new CommandFailedException(input + " has no usable labelled rows");
        }
        Instant now = Clock.systemUTC().instant();
        String version = options.get("version") != null ? options.require("version") : "text-" + now.toString().substring(0, 19).replace(":", "");
        double cost = options.number("cost", TextModelTrainer.DEFAULT_COST, 0.001, 10_000);
        long started = System.nanoTime();
        Map<String, String> extra = new LinkedHashMap<>();
        extra.put("training-file", input.getFileName().toString());
        extra.put("attribution", "trained on review texts labelled CG/OR; the bundled data is from Salminen et al. (2022), "
                + "Creating and detecting fake reviews of online products, J. Retailing and Consumer Services 64, CC BY 4.0");
        TextModel model = new TextModelTrainer(cost).train(file.rows(), version, now, extra);
        long trainedMillis = (System.nanoTime() - started) / 1_000_000;
        if (options.get("holdout") != null) {
            Path holdout = options.path("holdout");
            Evaluation evaluation = ReviewsEvaluateCommand.evaluate(new TextSignals(model), LabelledText.read(holdout), 0.5);
            Map<String, String> described = new LinkedHashMap<>(model.description());
            described.put("holdout-file", holdout.getFileName().toString());
            described.put("holdout-cg-precision", format(evaluation.precision()));
            described.put("holdout-cg-recall", format(evaluation.recall()));
            described.put("holdout-cg-f1", format(evaluation.f1()));
            described.put("holdout-roc-auc", format(evaluation.rocAuc()));
            model = model.describedAs(described);
            System.out.print("held out (" + holdout + "):\n" + evaluation.report());
        }
        model.save(options.path("model"));
        System.out.printf(Locale.ROOT, "trained model %s on %d texts (%d skipped) in %.1f s: %d non-zero weights, written to %s%n",
                version, file.rows().size(), file.skipped().size(), trainedMillis / 1000.0, model.nonZeroWeights(), options.require("model"));
        return 0;
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.4f", value);
    }
}
