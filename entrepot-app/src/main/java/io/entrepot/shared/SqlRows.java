package io.entrepot.shared;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Several rows in one {@code insert … values} statement written with named parameters: one round trip
 * and one statement for the rows of an order instead of one each. The text differs only by the number
 * of rows, so a few prepared statements serve every call.
 */
public final class SqlRows {

    private static final Pattern PARAMETER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");
    /**
     * The values lists written so far, by tuple and row count up to {@link #KEPT_ROWS}: the tuples are
     * constants of the code, so this stays small; rewriting them with the pattern at each call was ~1% of the
     * platform's CPU under checkout load.
     */
    private static final java.util.concurrent.ConcurrentMap<Written, String> WRITTEN = new java.util.concurrent.ConcurrentHashMap<>();

    private static final int KEPT_ROWS = 64;

    private record Written(String tuple, int rows) {
    }

    private SqlRows() {
    }

    /**
     * The values list for {@code rows} rows of a tuple such as {@code (:id, :name)}: row i's parameters are
     * suffixed {@code _i}. Casts ({@code ::uuid}) are left alone; the tuple holds no string literal with a colon.
     */
    public static String values(String tuple, int rows) {
        if (rows < 1) {
            throw new IllegalArgumentException("at least one row");
        }
        var key = new Written(tuple, rows);
        return rows <= KEPT_ROWS ? WRITTEN.computeIfAbsent(key, SqlRows::write) : write(key);
    }

    private static String write(Written key) {
        String tuple = key.tuple();
        int rows = key.rows();
        StringJoiner values = new StringJoiner(", ");
        for (int i = 0; i < rows; i++) {
            values.add(PARAMETER.matcher(tuple).replaceAll(Matcher.quoteReplacement(":") + "$1_" + i));
        }
        return values.toString();
    }

    /** The rows' parameters named as {@link #values} names them (values may be null). */
    public static Map<String, Object> params(List<? extends Map<String, ?>> rows) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < rows.size(); i++) {
            for (var entry : rows.get(i).entrySet()) {
                params.put(entry.getKey() + "_" + i, entry.getValue());
            }
        }
        return params;
    }
}
