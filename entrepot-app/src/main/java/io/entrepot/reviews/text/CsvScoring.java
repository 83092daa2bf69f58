package io.entrepot.reviews.text;

import io.entrepot.reviews.IntegrityPolicy;
import io.entrepot.reviews.Signal;
import io.entrepot.shared.CsvRecords;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Scores a CSV of reviews with every text signal: reads rows ({@code id,text}, optional
 * {@code rating} 1–5, other columns ignored) in batches scored on all cores, then finds near-duplicates
 * across the whole file, then writes {@code id,score,label} and one column per signal in input order.
 * A malformed row is reported with its line and skipped. The label is {@code CG} when the score reaches
 * the threshold, else {@code OR}.
 */
public final class CsvScoring {

    private static final int BATCH = 2048;
    public static final List<String> OUTPUT_HEADER = List.of("id", "score", "label", Signal.TEXT_GENERATED, Signal.TEXT_NEAR_DUPLICATE,
            "near_duplicate_of");

    private final TextSignals signals;
    private final int threads;

    public CsvScoring(TextSignals signals, int threads) {
        this.signals = signals;
        this.threads = Math.max(1, threads);
    }

    /** What a run did, for the command's last lines. */
    public record Summary(int scored, List<String> skipped, int generated, int nearDuplicates, long millis, long textMillis, long duplicateMillis) {

        public double perSecond() {
            return millis == 0 ? scored : scored * 1000.0 / millis;
        }
    }

    /** The scores of one file in memory, in input order (for {@code evaluate} and the output writer). */
    public record Scored(List<String> ids, float[] generated, float[] duplicate, int[] nearest, List<String> skipped, long textMillis,
            long duplicateMillis) {

        public int size() {
            return ids.size();
        }

        public List<Signal> signalsOf(int row, TextSignals text) {
            String other = nearest[row] < 0 ? "" : "review " + ids.get(nearest[row]);
            return List.of(text.generated(generated[row]), text.nearDuplicate(duplicate[row], other));
        }
    }

    public Summary score(Path input, Path output, double threshold) {
        long started = System.nanoTime();
        Scored scored = read(input, List.of("id", "text"));
        int flagged = 0;
        int duplicates = 0;
        try (Writer out = new BufferedWriter(Files.newBufferedWriter(output, StandardCharsets.UTF_8), 1 << 16)) {
            var line = new StringBuilder(64);
            out.write(String.join(",", OUTPUT_HEADER));
            out.write('\n');
            for (int i = 0; i < scored.size(); i++) {
                List<Signal> rowSignals = scored.signalsOf(i, signals);
                double score = IntegrityPolicy.score(rowSignals);
                boolean generated = score >= threshold;
                if (generated) {
                    flagged++;
                }
                if (rowSignals.get(1).value() > 0) {
                    duplicates++;
                }
                line.setLength(0);
                line.append(quote(scored.ids().get(i))).append(',');
                fixed4(line, score).append(',').append(generated ? "CG" : "OR").append(',');
                fixed4(line, rowSignals.get(0).value()).append(',');
                fixed4(line, rowSignals.get(1).value()).append(',');
                out.append(line);
                if (rowSignals.get(1).value() > 0) {
                    out.write(quote(scored.ids().get(scored.nearest()[i])));
                }
                out.write('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + output + ": " + e.getMessage(), e);
        }
        return new Summary(scored.size(), scored.skipped(), flagged, duplicates, (System.nanoTime() - started) / 1_000_000, scored.textMillis(),
                scored.duplicateMillis());
    }

    /**
     * Reads and scores every well-formed row. {@code required} names the columns the file must have;
     * {@code id} is taken from the column of that name or, when absent, the line number.
     */
    public Scored read(Path input, List<String> required) {
        try (Reader reader = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            return read(reader, required);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + input + ": " + e.getMessage(), e);
        }
    }

    Scored read(Reader reader, List<String> required) {
        var cursor = new CsvRecords.Cursor(reader);
        List<String> header = cursor.header();
        for (String column : required) {
            if (!header.contains(column)) {
                throw new IllegalArgumentException("the input needs the columns " + String.join(",", required) + "; it has " + String.join(",", header));
            }
        }
        int idColumn = header.indexOf("id");
        int textColumn = header.indexOf("text");
        int ratingColumn = header.indexOf("rating");
        List<String> skipped = new ArrayList<>();
        try (var batches = new Batches()) {
            List<String> texts = new ArrayList<>(BATCH);
            for (var row = cursor.next(); row != null; row = cursor.next()) {
                List<String> fields = row.fields();
                String problem = problem(fields, header.size(), idColumn, textColumn, ratingColumn);
                if (problem != null) {
                    skipped.add("line " + row.line() + ": " + problem);
                    continue;
                }
                batches.ids.add(idColumn >= 0 ? fields.get(idColumn).strip() : Integer.toString(row.line()));
                texts.add(fields.get(textColumn));
                if (texts.size() == BATCH) {
                    batches.submit(texts);
                    texts = new ArrayList<>(BATCH);
                }
            }
            batches.submit(texts);
            return batches.finish(skipped);
        }
    }

    /** Scores texts already in memory, exactly as {@link #read} scores a file's rows. */
    public Scored scoreAll(List<String> ids, List<String> texts) {
        try (var batches = new Batches()) {
            batches.ids.addAll(ids);
            for (int from = 0; from < texts.size(); from += BATCH) {
                batches.submit(texts.subList(from, Math.min(texts.size(), from + BATCH)));
            }
            return batches.finish(List.of());
        }
    }

    /** Batches of texts scored on a pool of threads, collected in input order. */
    private final class Batches implements AutoCloseable {

        final List<String> ids = new ArrayList<>();
        private final long started = System.nanoTime();
        private final List<Future<float[]>> pending = new ArrayList<>();
        private final List<int[]> signatureBatches = new ArrayList<>();
        private final ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "review-scoring");
            thread.setDaemon(true);
            return thread;
        });

        void submit(List<String> texts) {
            if (texts.isEmpty()) {
                return;
            }
            int[] signatures = new int[texts.size() * MinHash.SIZE];
            signatureBatches.add(signatures);
            pending.add(pool.submit(() -> {
                float[] probabilities = new float[texts.size()];
                for (int i = 0; i < texts.size(); i++) {
                    probabilities[i] = (float) signals.probabilityGenerated(texts.get(i));
                    System.arraycopy(MinHash.signature(texts.get(i)), 0, signatures, i * MinHash.SIZE, MinHash.SIZE);
                }
                return probabilities;
            }));
        }

        Scored finish(List<String> skipped) {
            float[] generated = new float[ids.size()];
            int[] signatures = new int[ids.size() * MinHash.SIZE];
            int at = 0;
            try {
                for (int b = 0; b < pending.size(); b++) {
                    float[] probabilities = pending.get(b).get();
                    System.arraycopy(probabilities, 0, generated, at, probabilities.length);
                    System.arraycopy(signatureBatches.get(b), 0, signatures, at * MinHash.SIZE, probabilities.length * MinHash.SIZE);
                    signatureBatches.set(b, new int[0]);
                    at += probabilities.length;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while scoring", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException("scoring failed: " + e.getCause(), e.getCause());
            }
            long textDone = System.nanoTime();
            var matches = NearDuplicates.find(signatures, ids.size());
            return new Scored(ids, generated, matches.similarity(), matches.nearest(), skipped, (textDone - started) / 1_000_000,
                    (System.nanoTime() - textDone) / 1_000_000);
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    private static String problem(List<String> fields, int columns, int idColumn, int textColumn, int ratingColumn) {
        if (fields.size() != columns) {
            return fields.size() + " fields, the header has " + columns;
        }
        if (idColumn >= 0 && fields.get(idColumn).isBlank()) {
            return "no id";
        }
        if (fields.get(textColumn).isBlank()) {
            return "no text";
        }
        if (ratingColumn >= 0 && !fields.get(ratingColumn).isBlank() && !fields.get(ratingColumn).strip().matches("[1-5]")) {
            return "rating '" + fields.get(ratingColumn) + "' is not a whole number from 1 to 5";
        }
        return null;
    }

    /** A value from 0 to 1 with four decimals, as String.format("%.4f") would write it, without its cost. */
    static StringBuilder fixed4(StringBuilder to, double value) {
        long tenThousandths = Math.round(value * 10_000);
        to.append(tenThousandths / 10_000).append('.');
        long fraction = tenThousandths % 10_000;
        for (long digit = 1_000; digit > 0; digit /= 10) {
            to.append((char) ('0' + fraction / digit % 10));
        }
        return to;
    }

    static String quote(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** Prints the skipped rows (at most {@code limit}) to {@code err}. */
    public static void reportSkipped(List<String> skipped, PrintStream err, int limit) {
        skipped.stream().limit(limit).forEach(line -> err.println("skipped " + line));
        if (skipped.size() > limit) {
            err.println("… and " + (skipped.size() - limit) + " more skipped rows");
        }
    }
}
