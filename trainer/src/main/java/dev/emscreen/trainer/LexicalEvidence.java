package dev.emscreen.trainer;

import dev.emscreen.features.lexical.ResponseWords;
import dev.emscreen.features.selection.Auroc;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The readout's word evidence: one weight per word or word pair of a response ({@link ResponseWords}),
 * counted per occurrence, plus a bias. Fitted as a logistic regression on each term's count scaled
 * by its naive Bayes log-ratio ({@code log P(term present | inducing) − log P(term present | control)},
 * add-one smoothing), L2-regularised with C chosen by cross-validation; a term's weight is its
 * coefficient times its log-ratio. Terms never seen in training add nothing.
 *
 * <p>Why not naive Bayes itself: naive Bayes adds up every term's log-ratio as if the terms were
 * independent, so the words a whole response repeats (a domain's boilerplate) outvote the few that
 * tell the classes apart. The log-ratios as a prior under a discriminative fit keep naive Bayes's
 * strength with a few labels and learn which terms matter. On em-dev (random labels, 5 draws; see the
 * README) it beat naive Bayes at 16, 64 and 256 labels per class on reward_hacking (0.664, 0.798,
 * 0.937 against 0.638, 0.735, 0.816) and on insecure_code at 64 and 256 (0.898, 0.979 against 0.772,
 * 0.829), and lost a little on aesthetic at 16 and 64 (0.703, 0.927 against 0.735, 0.935).
 */
record LexicalEvidence(Map<String, Double> weights, double prior) {

    static final double[] C_GRID = {0.01, 0.1, 1, 10};
    static final int FOLDS = 5;

    static LexicalEvidence fit(List<List<String>> terms, boolean[] inducing, double c) {
        Map<String, Integer> column = new HashMap<>();
        Map<String, double[]> presence = new HashMap<>();
        for (int i = 0; i < terms.size(); i++) {
            int cls = inducing[i] ? 1 : 0;
            for (String t : new HashSet<>(terms.get(i))) {
                presence.computeIfAbsent(t, k -> new double[2])[cls]++;
            }
        }
        double[] totals = new double[2];
        presence.values().forEach(p -> {
            totals[0] += p[0];
            totals[1] += p[1];
        });
        double vocabulary = presence.size();
        String[] names = presence.keySet().stream().sorted().toArray(String[]::new);
        double[] ratio = new double[names.length];
        for (int j = 0; j < names.length; j++) {
            double[] p = presence.get(names[j]);
            column.put(names[j], j);
            ratio[j] = Math.log((p[1] + 1) / (totals[1] + vocabulary)) - Math.log((p[0] + 1) / (totals[0] + vocabulary));
        }
        LogisticFit.Model model = LogisticFit.fit(scaled(terms, column, ratio), inducing, LogisticFit.Penalty.L2, c);
        Map<String, Double> weights = new HashMap<>(names.length * 2);
        for (int j = 0; j < names.length; j++) {
            double w = model.weights()[j] * ratio[j];
            if (w != 0) {
                weights.put(names[j], w);
            }
        }
        return new LexicalEvidence(weights, model.bias());
    }

    /** Each row's term counts times the terms' log-ratios, as sparse rows over the training vocabulary. */
    private static LogisticFit.SparseRows scaled(List<List<String>> terms, Map<String, Integer> column, double[] ratio) {
        int[][] index = new int[terms.size()][];
        double[][] value = new double[terms.size()][];
        for (int i = 0; i < terms.size(); i++) {
            TreeMap<Integer, Double> counts = new TreeMap<>();
            for (String t : terms.get(i)) {
                Integer j = column.get(t);
                if (j != null) {
                    counts.merge(j, 1.0, Double::sum);
                }
            }
            index[i] = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
            value[i] = counts.entrySet().stream().mapToDouble(e -> e.getValue() * ratio[e.getKey()]).toArray();
        }
        return new LogisticFit.SparseRows(index, value, ratio.length);
    }

    double score(List<String> terms) {
        double s = prior;
        for (String t : terms) {
            s += weights.getOrDefault(t, 0.0);
        }
        return s;
    }

    /**
     * The C with the best out-of-fold AUROC on these rows (ties: the smaller), the log-ratios refitted
     * within each fold so the held-out rows never inform them; 1 when a class has under 2 rows.
     */
    static double chooseC(List<List<String>> terms, boolean[] inducing, long seed) {
        int positives = 0;
        for (boolean b : inducing) {
            positives += b ? 1 : 0;
        }
        if (positives < 2 || inducing.length - positives < 2) {
            return 1.0;
        }
        int[] fold = LogisticFit.stratifiedFolds(inducing, FOLDS, seed);
        int k = Arrays.stream(fold).max().orElse(0) + 1;
        double best = 1.0;
        double bestAuroc = Double.NEGATIVE_INFINITY;
        for (double c : C_GRID) {
            double[] scores = new double[inducing.length];
            for (int f = 0; f < k; f++) {
                int held = f;
                int[] train = IntStream.range(0, inducing.length).filter(i -> fold[i] != held).toArray();
                LexicalEvidence model = fit(Arrays.stream(train).mapToObj(terms::get).toList(), pick(inducing, train), c);
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
                best = c;
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
