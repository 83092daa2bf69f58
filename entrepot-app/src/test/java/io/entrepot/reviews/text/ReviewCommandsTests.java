package io.entrepot.reviews.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.entrepot.EntrepotApplication;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The review batch commands run as an operator runs them, on files the model has never seen. */
class ReviewCommandsTests {

    @TempDir
    Path folder;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        PrintStream realOut = System.out;
        PrintStream realErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return io.entrepot.shared.command.CommandLauncherAccess.run(EntrepotApplication.class, args, System.out, System.err);
        } finally {
            System.setOut(realOut);
            System.setErr(realErr);
        }
    }

    @Test
    void scoreWritesOneLinePerGoodRowWithEverySignalAndReportsTheBadOnes() throws Exception {
        Path input = folder.resolve("reviews.csv");
        Files.writeString(input, """
                channel,id,text,rating
                web,a1,"Bought it for my mum's kitchen; the kettle boils fast, the handle stays cool, and after three months no limescale.",5
                web,a2,"I love this product. It is very good. I love this product. It is very good",5
                app,a3,"Bought it for my mum's kitchen; the kettle boils fast, the handle stays cool, and after 3 months no limescale!",4
                app,a4,,3
                app,a5,"Fine.",seven
                app,a6,"too few fields"
                """);
        Path output = folder.resolve("scores.csv");

        int exit = run("reviews", "score", "--input", input.toString(), "--output", output.toString());

        assertThat(exit).as(err.toString()).isZero();
        List<String> lines = Files.readAllLines(output);
        assertThat(lines.getFirst()).isEqualTo("id,score,label,text.generated,text.near_duplicate,near_duplicate_of");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).startsWith("a1,");
        assertThat(lines.get(1)).endsWith(",a3");
        assertThat(lines.get(3)).endsWith(",a1");
        for (String line : lines.subList(1, 4)) {
            String[] fields = line.split(",", -1);
            double score = Double.parseDouble(fields[1]);
            assertThat(score).isBetween(0.0, 1.0);
            assertThat(fields[2]).isEqualTo(score >= 0.5 ? "CG" : "OR");
        }
        assertThat(err.toString()).contains("line 5: no text").contains("line 6: rating 'seven'").contains("line 7: 3 fields, the header has 4");
        assertThat(out.toString()).contains("scored 3 reviews").contains("3 rows skipped");
    }

    @Test
    void aThresholdOfZeroLabelsEverythingCgAndBadOptionsAreRefused() throws Exception {
        Path input = folder.resolve("r.csv");
        Files.writeString(input, "id,text\nx,\"Works well, good value.\"\n");
        Path output = folder.resolve("s.csv");
        assertThat(run("reviews", "score", "--input", input.toString(), "--output", output.toString(), "--threshold", "0")).isZero();
        assertThat(Files.readAllLines(output).get(1)).contains(",CG,");
        assertThat(run("reviews", "score", "--input", input.toString(), "--output", output.toString(), "--threshold", "1.5")).isEqualTo(1);
        assertThat(err.toString()).contains("--threshold must be a number from 0.0 to 1.0");
        assertThat(run("reviews", "score", "--input", folder.resolve("missing.csv").toString(), "--output", output.toString())).isEqualTo(1);
        assertThat(run("reviews", "score", "--output", output.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("--input is required");
    }

    @Test
    void trainWritesAModelThatEvaluateAndScoreLoad() throws Exception {
        Path labelled = folder.resolve("labelled.csv");
        var lines = Files.readAllLines(Path.of("../datasets/reviews/train.csv")).subList(0, 1);
        var all = LabelledText.read(Path.of("../datasets/reviews/train.csv")).rows().subList(0, 400);
        StringBuilder csv = new StringBuilder(lines.getFirst()).append('\n');
        for (var row : all) {
            csv.append(row.generated() ? "CG" : "OR").append(',').append(CsvScoring.quote(row.text())).append('\n');
        }
        csv.append("XX,not a label\n");
        Files.writeString(labelled, csv);
        Path model = folder.resolve("model");

        assertThat(run("reviews", "train", "--input", labelled.toString(), "--model", model.toString(), "--version", "mine-1")).as(err.toString()).isZero();
        assertThat(err.toString()).contains("label 'XX' is neither CG nor OR");
        assertThat(TextModel.load(model).version()).isEqualTo("mine-1");

        assertThat(run("reviews", "evaluate", "--input", "../datasets/reviews/holdout.csv", "--model", model.toString())).isZero();
        assertThat(out.toString()).contains("model mine-1").contains("CG F1:").contains("ROC AUC:").contains("confusion matrix");
    }
}
