package io.entrepot.reviews.text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * How well scores separate {@code CG} (the positive class) from {@code OR}: precision, recall and F1
 * of {@code CG} at a threshold, accuracy, ROC AUC (the probability that a random CG text scores above
 * a random OR text, ties counting half), and the confusion matrix.
 */
public record Evaluation(int truePositives, int falsePositives, int trueNegatives, int falseNegatives, double rocAuc, double threshold) {

    public static Evaluation of(boolean[] generated, double[] scores, double threshold) {
        if (generated.length != scores.length || generated.length == 0) {
            throw new IllegalArgumentException("an evaluation needs as many labels as scores, and at least one");
        }
        int tp = 0;
        int fp = 0;
        int tn = 0;
        int fn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (predicted && generated[i]) {
                tp++;
            } else if (predicted) {
                fp++;
            } else if (generated[i]) {
                fn++;
            } else {
                tn++;
            }
        }
        return new Evaluation(tp, fp, tn, fn, auc(generated, scores), threshold);
    }

    /** Mann–Whitney U over the ranks of the scores, with tied scores sharing their average rank. */
    static double auc(boolean[] generated, double[] scores) {
        Integer[] order = IntStream.range(0, scores.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> scores[i]));
        double[] rank = new double[scores.length];
        for (int i = 0; i < order.length;) {
            int j = i;
            while (j + 1 < order.length && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                rank[order[k]] = average;
            }
            i = j + 1;
        }
        long positives = 0;
        double rankSum = 0;
        for (int i = 0; i < scores.length; i++) {
            if (generated[i]) {
                positives++;
                rankSum += rank[i];
            }
        }
        long negatives = scores.length - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    public double precision() {
        return truePositives + falsePositives == 0 ? 0 : truePositives / (double) (truePositives + falsePositives);
    }

    public double recall() {
        return truePositives + falseNegatives == 0 ? 0 : truePositives / (double) (truePositives + falseNegatives);
    }

    public double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    public double accuracy() {
        return (truePositives + trueNegatives) / (double) (truePositives + trueNegatives + falsePositives + falseNegatives);
    }

    /** The report the evaluate command prints. */
    public String report() {
        return String.format(java.util.Locale.ROOT, """
                texts: %d (CG %d, OR %d), threshold %.2f
                CG precision: %.4f
                CG recall:    %.4f
                CG F1:        %.4f
                accuracy:     %.4f
                ROC AUC:      %.4f
                confusion matrix (rows: actual, columns: predicted)
                          CG     OR
                  CG  %5d  %5d
                  OR  %5d  %5d
                """, truePositives + falsePositives + trueNegatives + falseNegatives, truePositives + falseNegatives,
                falsePositives + trueNegatives, threshold, precision(), recall(), f1(), accuracy(), rocAuc,
                truePositives, falseNegatives, falsePositives, trueNegatives);
    }
}
