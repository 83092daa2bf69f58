package io.entrepot.reviews.text;

/**
 * Turns a review's text into a sparse vector by the hashing trick: lower-cased word unigrams and
 * bigrams, character 3- to 5-grams over the text with runs of white space collapsed, and a few shape
 * features (length, ending punctuation, capitals, exclamation marks). Each feature's count is damped
 * ({@code log(1 + count)}) and the vector is L2-normalised. No strings are built per feature, so one
 * review costs a few microseconds; an instance keeps scratch arrays and is not thread-safe.
 */
public final class TextFeatures {

    /** Buckets of the hashed feature space: 2^18 (the counts and weights stay in a core's cache). */
    public static final int DIMENSIONS = 1 << 19;
    private static final int MASK = DIMENSIONS - 1;
    private static final int MAX_CHARS = 20_000;

    private static final float SHAPE_WEIGHT = 20;

    /** log(1 + n) for the small whole counts nearly every feature has. */
    private static final float[] DAMPED = new float[256];

    static {
        for (int n = 0; n < DAMPED.length; n++) {
            DAMPED[n] = (float) Math.log1p(n);
        }
    }

    private final float[] counts = new float[DIMENSIONS];
    private final int[] touched = new int[MAX_CHARS * 6 + 64];
    private int size;

    /** Receives one bucket and its value of a normalised vector. */
    public interface Sink {
        void accept(int bucket, float value);
    }

    /** Computes the vector of {@code text} and hands each non-zero bucket to {@code sink}. */
    public void vector(String text, Sink sink) {
        size = 0;
        extract(text);
        double norm = 0;
        for (int i = 0; i < size; i++) {
            int bucket = touched[i];
            float count = counts[bucket];
            int whole = (int) count;
            float damped = whole == count && whole < DAMPED.length ? DAMPED[whole] : (float) Math.log1p(count);
            counts[bucket] = damped;
            norm += damped * damped;
        }
        float scale = norm == 0 ? 0 : (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < size; i++) {
            int bucket = touched[i];
            sink.accept(bucket, counts[bucket] * scale);
            counts[bucket] = 0;
        }
    }

    /** The dot product of the text's vector with {@code weights} (length {@link #DIMENSIONS}). */
    public double dot(String text, float[] weights) {
        double[] sum = {0};
        vector(text, (bucket, value) -> sum[0] += weights[bucket] * value);
        return sum[0];
    }

    private void extract(String raw) {
        int length = Math.min(raw.length(), MAX_CHARS);
        long previousWord = 0;
        long word = FNV;
        boolean inWord = false;
        // Character n-grams run over the lower-cased text with white space collapsed to one blank.
        long c1 = 0;
        long c2 = 0;
        long c3 = 0;
        long c4 = 0;
        long c5 = 0;
        int seen = 0;
        boolean lastBlank = true;
        int capitals = 0;
        int exclamations = 0;
        int letters = 0;
        for (int i = 0; i <= length; i++) {
            char original = i < length ? raw.charAt(i) : ' ';
            int kind = Chars.of(original);
            char ch = Chars.lower(original, kind);
            boolean alnum = (kind & (Chars.LETTER | Chars.DIGIT)) != 0;
            if ((kind & Chars.UPPER) != 0) {
                capitals++;
            }
            if ((kind & Chars.LETTER) != 0) {
                letters++;
            }
            if (original == '!') {
                exclamations++;
            }
            if (alnum) {
                word = (word ^ ch) * PRIME;
                inWord = true;
            } else if (inWord) {
                add(mix(word, 1));
                if (previousWord != 0) {
                    add(mix(previousWord * 31 + word, 2));
                }
                previousWord = word;
                word = FNV;
                inWord = false;
            }
            if (i == length) {
                break;
            }
            boolean blank = (kind & Chars.BLANK) != 0;
            if (blank && lastBlank) {
                continue;
            }
            lastBlank = blank;
            long c = blank ? ' ' : ch;
            c5 = c4;
            c4 = c3;
            c3 = c2;
            c2 = c1;
            c1 = c;
            seen++;
            if (seen >= 3) {
                add(mix((c3 << 32) ^ (c2 << 16) ^ c1, 3));
            }
            if (seen >= 4) {
                add(mix((c4 << 48) ^ (c3 << 32) ^ (c2 << 16) ^ c1, 4));
            }
            if (seen >= 5) {
                add(mix(((c4 << 48) ^ (c3 << 32) ^ (c2 << 16) ^ c1) * 31 + c5, 5));
            }
        }
        shape(raw, length, capitals, exclamations, letters);
    }

    /**
     * Shape features, counted {@link #SHAPE_WEIGHT} times so that a handful of them stand out among a
     * thousand n-grams: length, how the text ends, capitals, exclamation marks, sentences glued
     * together ("good.I"), blanks before punctuation, line breaks, digits.
     */
    private void shape(String raw, int length, int capitals, int exclamations, int letters) {
        add(mix(bucketOf(length, 50, 20), 6), SHAPE_WEIGHT);
        String trimmed = raw.strip();
        char last = trimmed.isEmpty() ? ' ' : trimmed.charAt(trimmed.length() - 1);
        add(mix(".!?)\"'".indexOf(last) >= 0 ? 1 : Character.isLetterOrDigit(last) ? 2 : 3, 7), SHAPE_WEIGHT);
        add(mix(letters == 0 ? 0 : bucketOf(capitals * 100 / letters, 2, 10), 8), SHAPE_WEIGHT);
        add(mix(Math.min(exclamations, 5), 9), SHAPE_WEIGHT);
        int glued = 0;
        int blankBefore = 0;
        int breaks = 0;
        int digits = 0;
        for (int i = 1; i + 1 < length; i++) {
            char ch = raw.charAt(i);
            if ((ch == '.' || ch == '!' || ch == '?' || ch == ',') && Character.isLetter(raw.charAt(i - 1)) && Character.isLetter(raw.charAt(i + 1))) {
                glued++;
            } else if ((ch == ',' || ch == '.') && raw.charAt(i - 1) == ' ') {
                blankBefore++;
            } else if (ch == '\n') {
                breaks++;
            } else if (Character.isDigit(ch)) {
                digits++;
            }
        }
        add(mix(Math.min(glued, 4), 11), SHAPE_WEIGHT);
        add(mix(Math.min(blankBefore, 4), 12), SHAPE_WEIGHT);
        add(mix(Math.min(breaks, 4), 13), SHAPE_WEIGHT);
        add(mix(Math.min(digits, 4), 14), SHAPE_WEIGHT);
    }

    private static long bucketOf(int value, int width, int max) {
        return Math.min(value / width, max);
    }

    private void add(long hash) {
        add(hash, 1);
    }

    private void add(long hash, float amount) {
        int bucket = (int) (hash & MASK);
        if (counts[bucket] == 0) {
            touched[size++] = bucket;
        }
        counts[bucket] += amount;
    }

    private static final long FNV = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;

    /** A 64-bit finaliser (from SplitMix64) over the value and its feature family. */
    static long mix(long value, int family) {
        long z = value + family * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
