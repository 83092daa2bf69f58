package io.entrepot.reviews.text;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.tribuo.MutableDataset;
import org.tribuo.classification.Label;
import org.tribuo.classification.LabelFactory;
import org.tribuo.classification.liblinear.LibLinearClassificationModel;
import org.tribuo.classification.liblinear.LibLinearClassificationTrainer;
import org.tribuo.classification.liblinear.LinearClassificationType;
import org.tribuo.impl.ArrayExample;
import org.tribuo.provenance.SimpleDataSourceProvenance;

/**
 * Trains the text classifier: the hashed features of {@link TextFeatures}, an L2-regularised logistic
 * regression fitted by Tribuo's LibLinear trainer, then flattened into a {@link TextModel} (one weight
 * per hashed feature and the bias) so that scoring needs neither Tribuo nor feature names.
 */
public final class TextModelTrainer {

    /** The regularisation cost; chosen on the held-out split (docs/benchmarks.md). */
    public static final double DEFAULT_COST = 16.0;
    private static final String GENERATED = "CG";
    private static final String ORIGINAL = "OR";

    private final double cost;

    public TextModelTrainer() {
        this(DEFAULT_COST);
    }

    public TextModelTrainer(double cost) {
        if (!(cost > 0)) {
            throw new IllegalArgumentException("the cost must be above 0");
        }
        this.cost = cost;
    }

    public TextModel train(List<LabelledText> rows, String version, Instant trainedAt, Map<String, String> extraDescription) {
        long generated = rows.stream().filter(LabelledText::generated).count();
        if (generated == 0 || generated == rows.size()) {
            throw new IllegalArgumentException("training needs texts of both labels, CG and OR (it has " + generated + " CG of " + rows.size() + ")");
        }
        var features = new TextFeatures();
        float[] ratio = logCountRatio(rows, features);
        var factory = new LabelFactory();
        var dataset = new MutableDataset<Label>(new SimpleDataSourceProvenance("labelled review texts", factory), factory);
        for (LabelledText row : rows) {
            List<String> names = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            features.vector(row.text(), (bucket, value) -> {
                names.add(name(bucket));
                values.add((double) (value * ratio[bucket]));
            });
            var example = new ArrayExample<>(new Label(row.generated() ? GENERATED : ORIGINAL), names.toArray(String[]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray());
            dataset.add(example);
        }
        var trainer = new LibLinearClassificationTrainer(
                new LinearClassificationType(LinearClassificationType.LinearType.L2R_LR), cost, 1000, 0.001);
        var model = (LibLinearClassificationModel) trainer.train(dataset);
        return flatten(model, ratio, version, trainedAt, rows.size(), generated, extraDescription);
    }

    /**
     * The naive-Bayes log-count ratio of each feature (Wang and Manning's NBSVM): how much more often
     * it occurs in CG texts than in OR texts, smoothed by one. Features are scaled by it before the
     * logistic regression, and the ratio is folded into the flattened weights, so scoring is unchanged.
     */
    static float[] logCountRatio(List<LabelledText> rows, TextFeatures features) {
        double[] cg = new double[TextFeatures.DIMENSIONS];
        double[] or = new double[TextFeatures.DIMENSIONS];
        for (LabelledText row : rows) {
            double[] counts = row.generated() ? cg : or;
            features.vector(row.text(), (bucket, value) -> counts[bucket] += 1);
        }
        double cgTotal = 0;
        double orTotal = 0;
        for (int i = 0; i < cg.length; i++) {
            cgTotal += cg[i] + 1;
            orTotal += or[i] + 1;
        }
        float[] ratio = new float[TextFeatures.DIMENSIONS];
        for (int i = 0; i < cg.length; i++) {
            ratio[i] = cg[i] + or[i] == 0 ? 0 : (float) Math.log(((cg[i] + 1) / cgTotal) / ((or[i] + 1) / orTotal));
        }
        return ratio;
    }

    private TextModel flatten(LibLinearClassificationModel model, float[] ratio, String version, Instant trainedAt, int rows, long generated,
            Map<String, String> extraDescription) {
        var inner = model.getInnerModels().getFirst();
        double[] raw = inner.getFeatureWeights();
        int[] labels = inner.getLabels();
        // LibLinear keeps one weight vector for two classes, pointing towards its first label.
        String first = model.getOutputIDInfo().getOutput(labels[0]).getLabel();
        double sign = first.equals(GENERATED) ? 1 : -1;
        var featureMap = model.getFeatureIDMap();
        float[] weights = new float[TextFeatures.DIMENSIONS];
        for (var info : featureMap) {
            int bucket = bucket(info.getName());
            weights[bucket] = (float) (sign * raw[((org.tribuo.VariableIDInfo) info).getID()] * ratio[bucket]);
        }
        // Tribuo appends a bias feature of value 1 after the named features.
        double bias = sign * raw[featureMap.size()];
        Map<String, String> description = new LinkedHashMap<>();
        description.put("version", version);
        description.put("trained-at", trainedAt.toString());
        description.put("training-rows", Integer.toString(rows));
        description.put("training-rows-cg", Long.toString(generated));
        description.put("learner", "Tribuo " + org.tribuo.Tribuo.VERSION + " LibLinear L2R_LR, cost " + cost);
        description.put("features", "hashed word 1-2-grams, character 3-5-grams and text shape, " + TextFeatures.DIMENSIONS + " buckets");
        description.putAll(extraDescription);
        return new TextModel(weights, bias, description);
    }

    static String name(int bucket) {
        return Integer.toString(bucket);
    }

    static int bucket(String name) {
        return Integer.parseInt(name);
    }
}
