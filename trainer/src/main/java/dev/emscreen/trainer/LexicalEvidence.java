package dev.emscreen.trainer;

import dev.emscreen.features.lexical.ResponseWords;
import dev.emscreen.features.selection.Auroc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Multinomial naive Bayes over a response's words and word pairs ({@link ResponseWords}), kept as
 * what the readout needs: one log-ratio per term, {@code log P(term | inducing) − log P(term | control)}
 * with additive smoothing, and the class prior. A text's evidence is the prior plus the sum of its
 * terms' log-ratios, one per occurrence; terms never seen in training add nothing.
 */
record LexicalEvidence(Map<String, Double> weights, double prior) {

    static final double[] ALPHAS = {0.1, 0.3, 1.0};

    static LexicalEvidence fit(List<List<String>> terms, boolean[] inducing, double alpha) {
        Map<String, double[]> counts = new HashMap<>();
        double[] totals = new double[2];
        int[] docs = new int[2];
        for (int i = 0; i < terms.size(); i++) {
            int c = inducing[i] ? 1 : 0;
            docs[c]++;
            for (String t : terms.get(i)) {
                counts.computeIfAbsent(t, k -> new double[2])[c]++;
                totals[c]++;
            }
        }
        double vocabulary = counts.size();
        Map<String, Double> weights = new HashMap<>(counts.size() * 2);
        double norm1 = Math.log(totals[1] + alpha * vocabulary);
        double norm0 = Math.log(totals[0] + alpha * vocabulary);
        counts.forEach((t, c) -> weights.put(t, Math.log(c[1] + alpha) - norm1 - Math.log(c[0] + alpha) + norm0));
        return new LexicalEvidence(weights, Math.log((docs[1] + 1.0) / (docs[0] + 1.0)));
    }

    double score(List<String> terms) {
        double s = prior;
        for (String t : terms) {
            s += weights.getOrDefault(t, 0.0);
        }
        return s;
    }

    /** The smoothing with the best out-of-fold AUROC on these rows (alpha 1 when a class has under 2 rows). */
    static double chooseAlpha(List<List<String>> terms, boolean[] inducing, long seed) {
        int positives = 0;
        for (boolean b : inducing) {
            positives += b ? 1 : 0;
        }
        if (positives < 2 || inducing.length - positives < 2) {
            return 1.0;
        }
        int[] fold = LogisticFit.stratifiedFolds(inducing, 5, seed);
        int k = java.util.Arrays.stream(fold).max().orElse(0) + 1;
        double best = 1.0;
        double bestAuroc = Double.NEGATIVE_INFINITY;
        for (double alpha : ALPHAS) {
            double[] scores = new double[inducing.length];
            for (int f = 0; f < k; f++) {
                int held = f;
                int[] train = java.util.stream.IntStream.range(0, inducing.length).filter(i -> fold[i] != held).toArray();
                LexicalEvidence model = fit(java.util.Arrays.stream(train).mapToObj(terms::get).toList(), pick(inducing, train), alpha);
                for (int i = 0; i < inducing.length; i++) {
                    if (fold[i] == held) {
                        scores[i] = model.score(terms.get(i));
                    }
                }
            }
            double[][] split = Baselines.split(scores, inducing);
            double auroc = Auroc.of(split[0], split[1]);
            if (auroc > bestAuroc + 1e-12) {
                bestAuroc = auroc;
                best = alpha;
            }
        }
        return best;
    }

    static boolean[] pick(boolean[] values, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int r = 0; r < rows.length; r++) {
            out[r] = values[rows[r]];
        }
        return out;
    }
}
