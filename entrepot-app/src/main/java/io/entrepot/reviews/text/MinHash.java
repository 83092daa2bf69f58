package io.entrepot.reviews.text;

import java.util.SplittableRandom;

/**
 * MinHash signatures of a text's word shingles (pairs of neighbouring lower-cased words; single words
 * for texts of one word), and the LSH band keys that make near-duplicates meet in a bucket. The share
 * of equal positions in two signatures estimates the Jaccard similarity of their shingle sets, so a
 * few edited words lower it only a little. With {@value #BANDS} bands of {@value #ROWS} rows, a pair
 * of similarity 0.7 shares a band with probability 0.98, a pair of 0.3 with 0.12.
 */
public final class MinHash {

    public static final int SIZE = 64;
    public static final int BANDS = 16;
    public static final int ROWS = SIZE / BANDS;
    private static final long[] A = new long[SIZE];
    private static final long[] B = new long[SIZE];

    static {
        // Fixed seeds: signatures stored today must compare with those computed after a restart.
        var random = new SplittableRandom(0x5EED_2026_1130L);
        for (int i = 0; i < SIZE; i++) {
            A[i] = random.nextLong() | 1;
            B[i] = random.nextLong();
        }
    }

    private MinHash() {
    }

    /** The signature of {@code text}; a text without words gets the signature of nothing (all maximal). */
    public static int[] signature(String text) {
        int[] signature = new int[SIZE];
        java.util.Arrays.fill(signature, Integer.MAX_VALUE);
        long previous = 0;
        long word = FNV;
        boolean inWord = false;
        int words = 0;
        long only = 0;
        int length = Math.min(text.length(), 20_000);
        for (int i = 0; i <= length; i++) {
            char original = i < length ? text.charAt(i) : ' ';
            int kind = Chars.of(original);
            char ch = Chars.lower(original, kind);
            if ((kind & (Chars.LETTER | Chars.DIGIT)) != 0) {
                word = (word ^ ch) * PRIME;
                inWord = true;
            } else if (inWord) {
                words++;
                if (words == 1) {
                    only = word;
                } else {
                    fold(signature, TextFeatures.mix(previous * 31 + word, 20));
                }
                previous = word;
                word = FNV;
                inWord = false;
            }
        }
        if (words == 1) {
            fold(signature, TextFeatures.mix(only, 21));
        }
        return signature;
    }

    private static void fold(int[] signature, long shingle) {
        for (int i = 0; i < SIZE; i++) {
            int h = (int) ((A[i] * shingle + B[i]) >>> 33);
            if (h < signature[i]) {
                signature[i] = h;
            }
        }
    }

    /** The estimated Jaccard similarity of two signatures, from 0 to 1. */
    public static double similarity(int[] a, int[] b) {
        return similarity(a, 0, b, 0);
    }

    /** The same, for signatures laid out from the given offsets (many signatures in one array). */
    static double similarity(int[] a, int offsetA, int[] b, int offsetB) {
        int equal = 0;
        for (int i = 0; i < SIZE; i++) {
            if (a[offsetA + i] == b[offsetB + i]) {
                equal++;
            }
        }
        return equal / (double) SIZE;
    }

    /** The key of one band of a signature (laid out from {@code offset}); band numbers keep bands apart. */
    public static long bandKey(int[] signature, int offset, int band) {
        long key = band;
        for (int r = 0; r < ROWS; r++) {
            key = TextFeatures.mix(key * 0x9E3779B97F4A7C15L + signature[offset + band * ROWS + r], 22);
        }
        return key;
    }

    /** All band keys of a signature. */
    public static long[] bandKeys(int[] signature) {
        long[] keys = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            keys[band] = bandKey(signature, 0, band);
        }
        return keys;
    }

    /** Whether the signature is that of a text without words. */
    public static boolean isEmpty(int[] signature) {
        return isEmpty(signature, 0);
    }

    static boolean isEmpty(int[] signatures, int offset) {
        return signatures[offset] == Integer.MAX_VALUE && signatures[offset + SIZE - 1] == Integer.MAX_VALUE;
    }

    private static final long FNV = 0xcbf29ce484222325L;
    private static final long PRIME = 0x100000001b3L;
}
