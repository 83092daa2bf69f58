package io.entrepot.reviews.text;

import io.entrepot.shared.CsvRecords;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One labelled review text: {@code CG} (computer-generated, fake) or {@code OR} (original). */
public record LabelledText(int line, String text, boolean generated) {

    /** What reading a labelled file gave: the rows, and one line per row that was skipped and why. */
    public record File(List<LabelledText> rows, List<String> skipped) {
    }

    /** Reads a CSV with the columns {@code label,text} (others ignored); bad rows are reported, not fatal. */
    public static File read(Path path) {
        try (Reader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            return read(reader);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path + ": " + e.getMessage(), e);
        }
    }

    public static File read(Reader reader) {
        List<LabelledText> rows = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        var cursor = new CsvRecords.Cursor(reader);
        List<String> header = cursor.header();
        int label = header.indexOf("label");
        int text = header.indexOf("text");
        if (label < 0 || text < 0) {
            throw new IllegalArgumentException("a labelled file needs the columns label and text; it has " + String.join(",", header));
        }
        for (var row = cursor.next(); row != null; row = cursor.next()) {
            if (row.fields().size() != header.size()) {
                skipped.add("line " + row.line() + ": " + row.fields().size() + " fields, the header has " + header.size());
                continue;
            }
            String value = row.fields().get(label).strip().toUpperCase(Locale.ROOT);
            String body = row.fields().get(text);
            if (!value.equals("CG") && !value.equals("OR")) {
                skipped.add("line " + row.line() + ": label '" + row.fields().get(label) + "' is neither CG nor OR");
            } else if (body.isBlank()) {
                skipped.add("line " + row.line() + ": empty text");
            } else {
                rows.add(new LabelledText(row.line(), body, value.equals("CG")));
            }
        }
        return new File(rows, skipped);
    }
}
