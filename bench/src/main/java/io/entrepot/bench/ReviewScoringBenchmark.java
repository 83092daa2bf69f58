package io.entrepot.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores a million reviews from CSV with every text signal (the text classifier and near-duplicate
 * search across the whole file), the way an operator runs it: {@code reviews score} of the packaged jar
 * as its own process. The reviews are made from the sentences of the labelled data in
 * {@code datasets/reviews/} — each review 2 to 5 sentences drawn at random, with numbers varied — and 2% of
 * them are lightly edited copies of another (the near-duplicates to be found). Prints the generated
 * file's size, the command's own figures (reviews/s; the near-duplicate search's seconds) and the wall
 * time including JVM start.
 *
 * <p>Usage: {@code java -cp bench/target/classes io.entrepot.bench.ReviewScoringBenchmark [reviews]}, from
 * the repository root after {@code ./entrepot help} has built and extracted the application.
 */
public final class ReviewScoringBenchmark {

    private static final Pattern RATE = Pattern.compile("scored (\\d+) reviews in ([0-9.]+) s \\((\\d+) reviews/s\\)");
    private static final Pattern PHASES = Pattern.compile("reading and text scoring ([0-9.]+) s, near-duplicate search ([0-9.]+) s, writing ([0-9.]+) s");

    private ReviewScoringBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int reviews = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path jar = Path.of("entrepot-app/target/extracted/entrepot-app.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException("run ./entrepot help first: it builds and extracts " + jar);
        }
        Path work = Files.createTempDirectory("review-bench");
        Path input = work.resolve("reviews.csv");
        Path output = work.resolve("scores.csv");
        List<String> sentences = sentences(List.of(Path.of("datasets/reviews/train.csv"), Path.of("datasets/reviews/holdout.csv")));
        long planted = generate(input, reviews, sentences);
        System.out.printf("generated %d reviews (%d planted near-duplicates) from %d sentences: %.0f MB%n", reviews, planted, sentences.size(),
                Files.size(input) / 1e6);

        long started = System.nanoTime();
        var process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString(),
                "reviews", "score", "--input", input.toString(), "--output", output.toString()).redirectErrorStream(true).start();
        String printed = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = process.waitFor();
        double wall = (System.nanoTime() - started) / 1e9;
        System.out.print(printed);
        if (exit != 0) {
            throw new IllegalStateException("reviews score exited with " + exit);
        }
        Matcher rate = RATE.matcher(printed);
        Matcher phases = PHASES.matcher(printed);
        if (!rate.find() || !phases.find()) {
            throw new IllegalStateException("the command's figures were not printed");
        }
        long lines = Files.lines(output).count() - 1;
        System.out.printf("RESULT reviews=%d scored=%s lines=%d rate=%s/s (target >= 20000) near-duplicate-search=%s s (target <= 120) "
                + "wall-with-jvm-start=%.1f s cores=%d%n", reviews, rate.group(1), lines, rate.group(3), phases.group(2), wall,
                Runtime.getRuntime().availableProcessors());
        Files.deleteIfExists(input);
        Files.deleteIfExists(output);
        Files.deleteIfExists(work);
    }

    /** The sentences of the labelled texts (both labels), split at sentence ends, at least four words long. */
    static List<String> sentences(List<Path> files) throws IOException {
        List<String> sentences = new ArrayList<>();
        for (Path file : files) {
            String content = Files.readString(file);
            for (String piece : content.split("(?<=[.!?])\\s+|\\n")) {
                String sentence = piece.replace("\"", "").replaceFirst("^(CG|OR),", "").strip();
                if (sentence.split("\\s+").length >= 4 && sentence.length() < 400) {
                    sentences.add(sentence);
                }
            }
        }
        return sentences;
    }

    static long generate(Path file, int count, List<String> sentences) throws IOException {
        var random = new SplittableRandom(20261130);
        long planted = 0;
        String previous = "";
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("id,rating,text\n");
            for (int i = 0; i < count; i++) {
                String text;
                if (i > 0 && random.nextInt(50) == 0) {
                    text = previous.replaceFirst("\\b(the|a|and|is)\\b", "this") + " Really.";
                    planted++;
                } else {
                    StringBuilder review = new StringBuilder();
                    int parts = 2 + random.nextInt(4);
                    for (int p = 0; p < parts; p++) {
                        String sentence = sentences.get(random.nextInt(sentences.size()));
                        review.append(p == 0 ? "" : " ").append(sentence.replaceAll("\\d+", Integer.toString(random.nextInt(1, 100))));
                    }
                    text = review.toString();
                    previous = text;
                }
                out.write("r" + i + "," + (1 + random.nextInt(5)) + ",\"" + text.replace("\"", "\"\"") + "\"\n");
            }
        }
        return planted;
    }
}
