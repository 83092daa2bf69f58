package io.entrepot.reviews.text;

import java.util.Arrays;

/**
 * Finds, for each of many texts held in memory, its most similar other text, in time linear in their
 * number: per LSH band, texts are bucketed by band key and each is compared with at most
 * {@value #REPRESENTATIVES} earlier texts of its bucket (a bucket of a thousand copies costs a thousand
 * comparisons, not half a million). Similarities are MinHash estimates; both texts of a pair get it.
 */
public final class NearDuplicates {

    private static final int REPRESENTATIVES = 4;

    private NearDuplicates() {
    }

    /** The best match of each text: its similarity (0 when none shares a band) and its index, or -1. */
    public record Matches(float[] similarity, int[] nearest) {
    }

    /**
     * @param signatures {@code count} signatures of {@link MinHash#SIZE} values laid end to end
     */
    public static Matches find(int[] signatures, int count) {
        float[] best = new float[count];
        int[] nearest = new int[count];
        Arrays.fill(nearest, -1);
        int capacity = Integer.highestOneBit(Math.max(count, 1) * 2 - 1) << 1;
        long[] keys = new long[capacity];
        int[] members = new int[capacity * REPRESENTATIVES];
        byte[] sizes = new byte[capacity];
        for (int band = 0; band < MinHash.BANDS; band++) {
            Arrays.fill(sizes, (byte) 0);
            for (int text = 0; text < count; text++) {
                if (MinHash.isEmpty(signatures, text * MinHash.SIZE)) {
                    continue;
                }
                long key = MinHash.bandKey(signatures, text * MinHash.SIZE, band);
                int slot = (int) (key ^ (key >>> 32)) & (capacity - 1);
                while (sizes[slot] != 0 && keys[slot] != key) {
                    slot = (slot + 1) & (capacity - 1);
                }
                if (sizes[slot] == 0) {
                    keys[slot] = key;
                }
                int size = sizes[slot];
                for (int m = 0; m < size; m++) {
                    int other = members[slot * REPRESENTATIVES + m];
                    float similarity = (float) MinHash.similarity(signatures, text * MinHash.SIZE, signatures, other * MinHash.SIZE);
                    if (similarity > best[text]) {
                        best[text] = similarity;
                        nearest[text] = other;
                    }
                    if (similarity > best[other]) {
                        best[other] = similarity;
                        nearest[other] = text;
                    }
                }
                if (size < REPRESENTATIVES) {
                    members[slot * REPRESENTATIVES + size] = text;
                    sizes[slot] = (byte) (size + 1);
                }
            }
        }
        return new Matches(best, nearest);
    }
}
