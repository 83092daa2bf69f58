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
 * the header row, and writes a cell for the platform's exports. Small on purpose: the platform's
 * imports and reports need exactly this.
 */
public final class CsvRecords {

    private CsvRecords() {
    }

    /**
     * One cell of an exported CSV: quoted when it holds a comma, quote or line break, and a leading
     * formula character ({@code = + - @}) defused with an apostrophe, so a spreadsheet shows text.
     */
    public static String cell(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
    }

    /** One data row: its line number in the file (1-based, header is line 1) and its values by column. */
    public record Row(int line, Map<String, String> values) {

        public String get(String column) {
            String value = values.get(column);
            return value == null ? "" : value;
        }
    }

    /** Reads a whole file; a row with another number of fields than the header refuses the file. */
    public static List<Row> read(Reader reader) {
        var cursor = new Cursor(reader);
        List<String> header = cursor.header();
        List<Row> records = new ArrayList<>();
        for (RawRow row = cursor.next(); row != null; row = cursor.next()) {
            if (row.fields().size() != header.size()) {
                throw new IllegalArgumentException("line " + row.line() + " has " + row.fields().size() + " fields, the header has " + header.size());
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int c = 0; c < header.size(); c++) {
                values.put(header.get(c), row.fields().get(c));
            }
            records.add(new Row(row.line(), values));
        }
        return records;
    }

    /** One raw row as parsed: the line it starts on (1-based) and its fields. */
    public record RawRow(int line, List<String> fields) {
    }

    /**
     * Reads a CSV file row by row, for files too large to hold: {@link #header()} first, then
     * {@link #next()} until it returns null. A row's field count is not checked, so the caller can
     * report a bad row and go on.
     */
    public static final class Cursor {

        private final Reader reader;
        private final char[] buffer = new char[1 << 16];
        private int position;
        private int limit;
        private final StringBuilder field = new StringBuilder();
        private int line = 1;
        private @org.jspecify.annotations.Nullable List<String> header;

        public Cursor(Reader reader) {
            this.reader = reader;
        }

        /** The header row, stripped; an empty file is refused. */
        public List<String> header() {
            if (header == null) {
                RawRow first = nextRaw();
                if (first == null) {
                    throw new IllegalArgumentException("the CSV file is empty: it needs a header row");
                }
                header = first.fields().stream().map(String::strip).toList();
            }
            return header;
        }

        /** The next data row that is not blank, or null at the end. */
        public @org.jspecify.annotations.Nullable RawRow next() {
            header();
            RawRow row;
            do {
                row = nextRaw();
            } while (row != null && row.fields().size() == 1 && row.fields().getFirst().isBlank());
            return row;
        }

        private int read() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position++];
        }

        private int peek() throws IOException {
            if (position == limit && !fill()) {
                return -1;
            }
            return buffer[position];
        }

        private boolean fill() throws IOException {
            int read;
            do {
                read = reader.read(buffer, 0, buffer.length);
            } while (read == 0);
            if (read < 0) {
                return false;
            }
            position = 0;
            limit = read;
            return true;
        }

        @org.jspecify.annotations.Nullable RawRow nextRaw() {
            List<String> row = new ArrayList<>();
            field.setLength(0);
            boolean quoted = false;
            boolean fieldStarted = false;
            int start = line;
            try {
                int c = read();
                if (c == -1) {
                    return null;
                }
                for (; c != -1; c = read()) {
                    char ch = (char) c;
                    if (quoted) {
                        if (ch == '"') {
                            if (peek() == '"') {
                                read();
                                field.append('"');
                            } else {
                                quoted = false;
                            }
                        } else {
                            if (ch == '\n') {
                                line++;
                            }
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
                        if (ch == '\r' && peek() == '\n') {
                            read();
                        }
                        line++;
                        row.add(field.toString());
                        return new RawRow(start, row);
                    } else {
                        field.append(ch);
                        fieldStarted = true;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            if (quoted) {
                throw new IllegalArgumentException("the CSV file ends inside a quoted field (row starting on line " + start + ")");
            }
            row.add(field.toString());
            return new RawRow(start, row);
        }
    }
}
