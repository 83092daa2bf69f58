package io.entrepot.reviews.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.strings;

import java.util.List;
import org.junit.jupiter.api.Test;

class NearDuplicateTests {

    private static final String ORIGINAL = "I bought this blender for smoothies and it crushes ice without any trouble. "
            + "The jar is heavy glass, the lid seals well and it is easy to clean. Loud, but worth every penny.";

    @Test
    void aFewEditedWordsKeepTwoTextsNearDuplicates() {
        String edited = ORIGINAL.replace("smoothies", "shakes").replace("heavy", "thick").replace("penny", "cent");
        assertThat(MinHash.similarity(MinHash.signature(ORIGINAL), MinHash.signature(edited))).isGreaterThan(0.6);
    }

    @Test
    void unrelatedTextsAreFarApart() {
        String other = "The novel drags in the middle, but the last three chapters made up for it. I would read the sequel.";
        assertThat(MinHash.similarity(MinHash.signature(ORIGINAL), MinHash.signature(other))).isLessThan(0.2);
    }

    @Test
    void everyTextIsItsOwnDuplicateWhateverItsCaseOrSpacing() {
        qt().forAll(strings().basicLatinAlphabet().ofLengthBetween(0, 200)).checkAssert(text -> {
            assertThat(MinHash.similarity(MinHash.signature(text), MinHash.signature(text.toUpperCase(java.util.Locale.ROOT)))).isEqualTo(1.0);
            assertThat(MinHash.similarity(MinHash.signature(text), MinHash.signature(" " + text.replace(" ", "  ") + " "))).isEqualTo(1.0);
        });
    }

    @Test
    void theSearchPairsPlantedCopiesAndLeavesDistinctTextsAlone() {
        List<String> texts = new java.util.ArrayList<>();
        var random = new java.util.Random(7);
        String[] words = "box cable charger sturdy cheap fast slow colour blue red fits loose tight battery lasts week month day gift son daughter"
                .split(" ");
        for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 30; w++) {
                text.append(words[random.nextInt(words.length)]).append(random.nextInt(50)).append(' ');
            }
            texts.add(text.toString());
        }
        texts.add(texts.get(10).replaceFirst("\\S+", "changed"));
        texts.add(texts.get(500) + " really");
        int[] signatures = new int[texts.size() * MinHash.SIZE];
        for (int i = 0; i < texts.size(); i++) {
            System.arraycopy(MinHash.signature(texts.get(i)), 0, signatures, i * MinHash.SIZE, MinHash.SIZE);
        }

        var matches = NearDuplicates.find(signatures, texts.size());

        assertThat(matches.nearest()[2000]).isEqualTo(10);
        assertThat(matches.nearest()[10]).isEqualTo(2000);
        assertThat(matches.nearest()[2001]).isEqualTo(500);
        assertThat(matches.similarity()[2001]).isGreaterThan(0.8f);
        long falseAlarms = java.util.stream.IntStream.range(0, 2000).filter(i -> i != 10 && i != 500)
                .filter(i -> matches.similarity()[i] >= TextSignals.DUPLICATE_FLOOR).count();
        assertThat(falseAlarms).isZero();
    }
}
