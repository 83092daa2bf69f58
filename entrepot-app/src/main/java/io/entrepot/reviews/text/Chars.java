package io.entrepot.reviews.text;

/** Character classes for the text signals, from a table for ASCII and from {@link Character} beyond it. */
final class Chars {

    static final int UPPER = 1;
    static final int LETTER = 2;
    static final int DIGIT = 4;
    static final int BLANK = 8;
    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = (byte) slow(c);
        }
    }

    private Chars() {
    }

    static int of(char c) {
        return c < 128 ? ASCII[c] : slow(c);
    }

    static char lower(char c, int kind) {
        if ((kind & UPPER) == 0) {
            return c;
        }
        return c < 128 ? (char) (c + 32) : Character.toLowerCase(c);
    }

    private static int slow(char c) {
        return (Character.isUpperCase(c) ? UPPER : 0) | (Character.isLetter(c) ? LETTER : 0) | (Character.isDigit(c) ? DIGIT : 0)
                | (Character.isWhitespace(c) ? BLANK : 0);
    }
}
