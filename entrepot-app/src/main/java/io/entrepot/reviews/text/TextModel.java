package io.entrepot.reviews.text;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The trained classifier of computer-generated review text, as the versioned artefact the app loads
 * at start: a folder with {@code model.properties} (version, when and on what it was trained, its
 * held-out figures, the data's attribution) and {@code weights.bin.gz} (the bias and the non-zero
 * weights of the hashed feature space). The probability that a text is computer-generated is the
 * logistic function of the vector's dot product with the weights plus the bias.
 */
public final class TextModel {

    public static final String PROPERTIES = "model.properties";
    public static final String WEIGHTS = "weights.bin.gz";
    /** Where the model that ships with the app lives on the class path. */
    public static final String BUNDLED = "reviews/text-model/";
    private static final int MAGIC = 0x454E5452;
    private static final int FORMAT = 1;

    private final float[] weights;
    private final double bias;
    private final Map<String, String> description;

    public TextModel(float[] weights, double bias, Map<String, String> description) {
        if (weights.length != TextFeatures.DIMENSIONS) {
            throw new IllegalArgumentException("a text model has " + TextFeatures.DIMENSIONS + " weights, not " + weights.length);
        }
        this.weights = weights;
        this.bias = bias;
        this.description = Map.copyOf(description);
    }

    /** The probability, from 0 to 1, that the text was written by a machine (label {@code CG}). */
    public double probabilityGenerated(TextFeatures features, String text) {
        double z = features.dot(text, weights) + bias;
        return 1 / (1 + Math.exp(-z));
    }

    float[] weights() {
        return weights;
    }

    double bias() {
        return bias;
    }

    /** The same weights with another description (figures added after training). */
    public TextModel describedAs(Map<String, String> newDescription) {
        return new TextModel(weights, bias, newDescription);
    }

    public String version() {
        return description.getOrDefault("version", "unknown");
    }

    /** What {@code model.properties} says: version, trained-at, rows, figures, attribution. */
    public Map<String, String> description() {
        return description;
    }

    public int nonZeroWeights() {
        int n = 0;
        for (float w : weights) {
            if (w != 0) {
                n++;
            }
        }
        return n;
    }

    public void save(Path folder) {
        try {
            Files.createDirectories(folder);
            var properties = new Properties();
            description.forEach(properties::setProperty);
            try (var out = Files.newBufferedWriter(folder.resolve(PROPERTIES), StandardCharsets.UTF_8)) {
                properties.store(out, "Entrepot review text model (computer-generated vs original)");
            }
            try (var out = new DataOutputStream(new BufferedOutputStream(new GZIPOutputStream(Files.newOutputStream(folder.resolve(WEIGHTS)))))) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeInt(TextFeatures.DIMENSIONS);
                out.writeDouble(bias);
                out.writeInt(nonZeroWeights());
                for (int i = 0; i < weights.length; i++) {
                    if (weights[i] != 0) {
                        out.writeInt(i);
                        out.writeFloat(weights[i]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the text model to " + folder + ": " + e.getMessage(), e);
        }
    }

    /** Loads a model folder written by {@link #save}. */
    public static TextModel load(Path folder) {
        if (!Files.isRegularFile(folder.resolve(PROPERTIES)) || !Files.isRegularFile(folder.resolve(WEIGHTS))) {
            throw new IllegalArgumentException(folder + " is not a text model folder (it needs " + PROPERTIES + " and " + WEIGHTS + ")");
        }
        try (InputStream properties = Files.newInputStream(folder.resolve(PROPERTIES));
                InputStream weights = Files.newInputStream(folder.resolve(WEIGHTS))) {
            return read(properties, weights, folder.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the text model in " + folder + ": " + e.getMessage(), e);
        }
    }

    /** The model that ships inside the app. */
    public static TextModel bundled() {
        ClassLoader loader = TextModel.class.getClassLoader();
        try (InputStream properties = loader.getResourceAsStream(BUNDLED + PROPERTIES);
                InputStream weights = loader.getResourceAsStream(BUNDLED + WEIGHTS)) {
            if (properties == null || weights == null) {
                throw new IllegalStateException("the bundled review text model is missing from the class path (" + BUNDLED + ")");
            }
            return read(properties, weights, "classpath:" + BUNDLED);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TextModel read(InputStream propertiesIn, InputStream weightsIn, String where) throws IOException {
        var properties = new Properties();
        properties.load(new java.io.InputStreamReader(propertiesIn, StandardCharsets.UTF_8));
        Map<String, String> description = new LinkedHashMap<>();
        properties.stringPropertyNames().stream().sorted().forEach(k -> description.put(k, properties.getProperty(k)));
        try (var in = new DataInputStream(new BufferedInputStream(new GZIPInputStream(weightsIn)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                throw new IllegalArgumentException(where + " does not hold a text model of format " + FORMAT);
            }
            int dimensions = in.readInt();
            if (dimensions != TextFeatures.DIMENSIONS) {
                throw new IllegalArgumentException(where + " was trained for " + dimensions + " features, this app hashes into " + TextFeatures.DIMENSIONS);
            }
            double bias = in.readDouble();
            int count = in.readInt();
            float[] weights = new float[dimensions];
            for (int n = 0; n < count; n++) {
                int index = in.readInt();
                if (index < 0 || index >= dimensions) {
                    throw new IllegalArgumentException(where + " has a weight outside the feature space");
                }
                weights[index] = in.readFloat();
            }
            return new TextModel(weights, bias, description);
        }
    }
}
