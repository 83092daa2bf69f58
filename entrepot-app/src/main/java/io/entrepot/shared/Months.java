package io.entrepot.shared;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

/** Calendar months as the API and the pages name them ({@code 2026-11}). */
public final class Months {

    private Months() {
    }

    /** The month, or a bad request (400) saying what a month looks like. */
    public static YearMonth parse(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("month is a calendar month such as 2026-11, not '" + month + "'");
        }
    }
}
