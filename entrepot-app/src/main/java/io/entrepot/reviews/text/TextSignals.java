package io.entrepot.reviews.text;

import io.entrepot.reviews.Signal;
import java.util.Locale;

/**
 * The two text signals, computed the same way online (one review as it is written) and in the batch
 * commands (a CSV of many): {@link Signal#TEXT_GENERATED}, the classifier's probability that a machine
 * wrote the text, and {@link Signal#TEXT_NEAR_DUPLICATE}, the MinHash similarity with the most similar
 * other review when it is at least {@value #DUPLICATE_FLOOR}. Thread-safe.
 */
public final class TextSignals {

    public static final double GENERATED_WEIGHT = 1.0;
    public static final double DUPLICATE_WEIGHT = 0.9;
    public static final double DUPLICATE_FLOOR = 0.5;

    private final TextModel model;
    private final ThreadLocal<TextFeatures> features = ThreadLocal.withInitial(TextFeatures::new);

    public TextSignals(TextModel model) {
        this.model = model;
    }

    public TextModel model() {
        return model;
    }

    public double probabilityGenerated(String text) {
        return model.probabilityGenerated(features.get(), text);
    }

    public Signal generated(double probability) {
        return new Signal(Signal.TEXT_GENERATED, probability, GENERATED_WEIGHT, String.format(Locale.ROOT,
                "the text classifier (model %s) gives %.0f%% that a machine wrote this text", model.version(), probability * 100));
    }

    /** The classifier learned English reviews only: for another language its guess is no evidence. */
    public Signal generatedIn(String text, java.util.Locale language) {
        if (!language.getLanguage().equals("en")) {
            return new Signal(Signal.TEXT_GENERATED, 0, GENERATED_WEIGHT,
                    "the text model (" + model.version() + ") reads English reviews only; this one is in " + language.getDisplayLanguage(java.util.Locale.ENGLISH));
        }
        return generated(probabilityGenerated(text));
    }

    public Signal nearDuplicate(double similarity, String other) {
        double value = similarity >= DUPLICATE_FLOOR ? similarity : 0;
        String explanation = value == 0 ? "no other review is at least half the same"
                : String.format(Locale.ROOT, "%.0f%% the same as %s", similarity * 100, other);
        return new Signal(Signal.TEXT_NEAR_DUPLICATE, value, DUPLICATE_WEIGHT, explanation);
    }
}
