package io.entrepot.shared;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads RFC 4180 CSV (quoted fields, doubled quotes, line breaks inside quotes) into records keyed by
 * the header row. Small on purpose: the platform's imports need exactly this.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /** One data row: its line number in the file (1-based, header is line 1) and its values by column. */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value;
        }
    }

    public static List<Row> read(Reader reader) {
        List<List<String>> rows = parse(reader instanceof java.io.BufferedReader buffered ? buffered : new java.io.BufferedReader(reader));
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("the CSV file is empty: it needs a header row");
        }
        List<String> header = rows.getFirst().stream().map(String::strip).toList();
        List<Row> records = new ArrayList<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> fields = rows.get(i);
            if (fields.size() == 1 && fields.getFirst().isBlank()) {
                continue;
            }
            if (fields.size() != header.size()) {
                throw new IllegalArgumentException("line " + (i + 1) + " has " + fields.size() + " fields, the header has " + header.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), fields.get(c));
            }
            records.add(new Row(i + 1, values));
        }
        return records;
    }

    static List<List<String>> parse(Reader reader) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        boolean fieldStarted = false;
        try {
            int c;
            while ((c = reader.read()) != -1) {
                char ch = (char) c;
                if (quoted) {
                    if (ch == '"') {
                        reader.mark(1);
                        int next = reader.read();
                        if (next == '"') {
                            field.append('"');
                        } else {
                            quoted = false;
                            if (next != -1) {
                                reader.reset();
                            }
                        }
                    } else {
                        field.append(ch);
                    }
                } else if (ch == '"' && field.isEmpty() && !fieldStarted) {
                    quoted = true;
                    fieldStarted = true;
                } else if (ch == ',') {
                    row.add(field.toString());
                    field.setLength(0);
                    fieldStarted = false;
                } else if (ch == '\n' || ch == '\r') {
                    if (ch == '\r') {
                        reader.mark(1);
                        if (reader.read() != '\n') {
                            reader.reset();
                        }
                    }
                    row.add(field.toString());
                    rows.add(row);
                    row = new ArrayList<>();
                    field.setLength(0);
                    fieldStarted = false;
                } else {
                    field.append(ch);
                    fieldStarted = true;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (quoted) {
            throw new IllegalArgumentException("the CSV file ends inside a quoted field");
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }
}
