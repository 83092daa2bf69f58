package io.entrepot.reviews;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Review texts as people write them, different on every test run: four sentences drawn from a pool
 * with their numbers varied. The test database outlives a run, and the near-duplicate signal rightly
 * flags a text that some earlier review already used. Only texts the bundled classifier reads as
 * human (below {@value #MAX_GENERATED}) are kept, so that a test of behaviour is not one of the text model,
 * and none is more than {@value #MAX_SIMILAR} the same as a text handed out before in this JVM (the tests of
 * one build share a database, and the near-duplicate signal would rightly flag the second).
 */
final class GenuineTexts {

    private static final String[] SENTENCES = {
            "Second one I've ordered, the first still works after %d years in the garage.",
            "Shipping to Manila took %d days and the box was a bit dented, but the lamp was fine.",
            "It's ok, brighter than I expected but the switch clicks loudly and my wife hates it.",
            "Arrived in Cebu on the %dth, well packed in two layers of bubble wrap.",
            "Assembly took %d minutes and the instructions were in English and Tagalog.",
            "The dimmer has %d steps which is enough for reading in bed.",
            "My son uses it for his homework and says the light doesn't flicker like the old one.",
            "The cable is only %d cm long so I had to buy an extension.",
            "For the price I can't complain much.",
            "Customer service answered my question about the bulb within %d hours.",
            "The base is heavy enough that the cat can't knock it over, which was the main thing.",
            "Colour is a little more grey than in the photos.",
            "I replaced the bulb with a warmer %d watt one and it looks much nicer.",
            "We have had %d brownouts this month and it survived all of them.",
            "The clamp scratched my desk slightly, put a bit of felt under it.",
            "Took one star off because the plug needed an adapter here.",
            "It fits nicely on the shelf beside my sewing machine.",
            "Bought %d of these for the office, everyone likes them.",
            "The arm is stiff at first but loosens after a week of use.",
            "Honestly a bit overpriced, but it does the job.",
            "The packaging smelled of glue for a day or two, gone now.",
            "Paid with GCash and the order was confirmed right away.",
            "Would be perfect if the switch were on the cord instead of the base.",
            "After %d months the hinge is still tight."};

    static final double MAX_GENERATED = 0.25;
    static final double MAX_SIMILAR = 0.3;
    private static final List<int[]> ISSUED = new ArrayList<>();
    private static final io.entrepot.reviews.text.TextSignals TEXT = new io.entrepot.reviews.text.TextSignals(
            io.entrepot.reviews.text.TextModel.bundled());

    private GenuineTexts() {
    }

    /** {@code count} texts, each four sentences in random order with random numbers. */
    static synchronized List<String> forRun(int count, long seed) {
        var random = new Random(seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < SENTENCES.length; i++) {
            order.add(i);
        }
        List<String> texts = new ArrayList<>();
        for (int attempt = 0; texts.size() < count && attempt < 5000; attempt++) {
            Collections.shuffle(order, random);
            StringBuilder text = new StringBuilder();
            for (int s = 0; s < 4; s++) {
                String sentence = SENTENCES[order.get(s)];
                text.append(s == 0 ? "" : " ").append(sentence.contains("%d") ? sentence.formatted(2 + random.nextInt(40)) : sentence);
            }
            int[] signature = io.entrepot.reviews.text.MinHash.signature(text.toString());
            boolean fresh = ISSUED.stream().noneMatch(earlier -> io.entrepot.reviews.text.MinHash.similarity(earlier, signature) > MAX_SIMILAR);
            if (fresh && TEXT.probabilityGenerated(text.toString()) < MAX_GENERATED) {
                texts.add(text.toString());
                ISSUED.add(signature);
            }
        }
        if (texts.size() < count) {
            throw new IllegalStateException("could not compose " + count + " human-looking texts unlike those handed out before");
        }
        return texts;
    }
}
