package dev.emscreen.trainer;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a user might use instead of SAE geometry, scored by 5-fold cross-validation on the
 * evaluation data itself (so they are trained in-domain, on the same labels): a bag-of-words
 * naive Bayes, a logistic-regression probe on mean-pooled hidden states, and response length alone.
 */
final class Baselines {

    static final int FOLDS = 5;

    private Baselines() {
    }

    static double[] length(List<String> responses) {
        return responses.stream().mapToDouble(String::length).toArray();
    }

    /** Log-odds of multinomial naive Bayes with add-one smoothing, out of fold. */
    static double[] naiveBayes(List<String> responses, boolean[] label) {
        List<String[]> words = responses.stream().map(r -> r.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")).toList();
        double[] scores = new double[responses.size()];
        for (int fold = 0; fold < FOLDS; fold++) {
            Map<String, int[]> counts = new HashMap<>();
            int[] totals = new int[2];
            int[] docs = new int[2];
            for (int i = 0; i < words.size(); i++) {
                if (i % FOLDS == fold) {
                    continue;
                }
                int c = label[i] ? 1 : 0;
                docs[c]++;
                for (String w : words.get(i)) {
                    counts.computeIfAbsent(w, k -> new int[2])[c]++;
                    totals[c]++;
                }
            }
            int vocabulary = counts.size() + 1;
            for (int i = fold; i < words.size(); i += FOLDS) {
                double score = Math.log((docs[1] + 1.0) / (docs[0] + 1.0));
                for (String w : words.get(i)) {
                    int[] c = counts.getOrDefault(w, new int[2]);
                    score += Math.log((c[1] + 1.0) / (totals[1] + vocabulary)) - Math.log((c[0] + 1.0) / (totals[0] + vocabulary));
                }
                scores[i] = score;
            }
        }
        return scores;
    }

    /** L2-regularised logistic regression on standardised features, full-batch gradient descent, out of fold. */
    static double[] linearProbe(float[][] features, boolean[] label) {
        int n = features.length;
        int d = features[0].length;
        double[] scores = new double[n];
        for (int fold = 0; fold < FOLDS; fold++) {
            double[] mean = new double[d];
            double[] sd = new double[d];
            int count = 0;
            for (int i = 0; i < n; i++) {
                if (i % FOLDS != fold) {
                    count++;
                    for (int j = 0; j < d; j++) {
                        mean[j] += features[i][j];
                        sd[j] += features[i][j] * features[i][j];
                    }
                }
            }
            for (int j = 0; j < d; j++) {
                mean[j] /= count;
                sd[j] = Math.sqrt(Math.max(1e-12, sd[j] / count - mean[j] * mean[j]));
            }
            double[] w = new double[d + 1];
            for (int iteration = 0; iteration < 300; iteration++) {
                double[] gradient = new double[d + 1];
                for (int i = 0; i < n; i++) {
                    if (i % FOLDS == fold) {
                        continue;
                    }
                    double error = sigmoid(dot(w, features[i], mean, sd)) - (label[i] ? 1 : 0);
                    for (int j = 0; j < d; j++) {
                        gradient[j] += error * (features[i][j] - mean[j]) / sd[j];
                    }
                    gradient[d] += error;
                }
                for (int j = 0; j <= d; j++) {
                    w[j] -= 0.5 * (gradient[j] / count + (j < d ? 1e-3 * w[j] : 0));
                }
            }
            for (int i = fold; i < n; i += FOLDS) {
                scores[i] = dot(w, features[i], mean, sd);
            }
        }
        return scores;
    }

    private static double dot(double[] w, float[] x, double[] mean, double[] sd) {
        double z = w[w.length - 1];
        for (int j = 0; j < x.length; j++) {
            z += w[j] * (x[j] - mean[j]) / sd[j];
        }
        return z;
    }

    private static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    static double[][] split(double[] scores, boolean[] label) {
        return new double[][] {
            java.util.stream.IntStream.range(0, scores.length).filter(i -> label[i]).mapToDouble(i -> scores[i]).toArray(),
            java.util.stream.IntStream.range(0, scores.length).filter(i -> !label[i]).mapToDouble(i -> scores[i]).toArray()};
    }

    static boolean[] labels(List<Boolean> labels) {
        boolean[] out = new boolean[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.get(i);
        }
        return out;
    }
}
