package dev.emscreen.trainer;

import dev.emscreen.features.lexical.ResponseWords;
import dev.emscreen.features.selection.Auroc;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The readout's word evidence: one weight per word or word pair of a response ({@link ResponseWords}),
 * counted once per response that has it ({@link dev.emscreen.features.scoring.Readout.TermCounting#ONCE_PER_RESPONSE}),
 * plus a bias. Fitted as a logistic regression on each term's presence scaled by its naive Bayes
 * log-ratio (binarised multinomial naive Bayes: {@code log p(term | inducing) − log p(term | control)},
 * where {@code p(term | class)} is the term's share of the class's term presences, add-one smoothing),
 * L2-regularised with C chosen by cross-validation; a term's weight is its coefficient times its
 * log-ratio. Terms never seen in training add nothing.
 *
 * <p>Why not naive Bayes itself: naive Bayes adds up every term's log-ratio as if the terms were
 * independent, so the words a whole response repeats (a domain's boilerplate) outvote the few that
 * tell the classes apart. The log-ratios as a prior under a discriminative fit keep naive Bayes's
 * strength with a few labels and learn which terms matter. Why presence rather than counts: a long
 * response repeating a common word is not more telling for it, and on em-dev (words alone, 5 draws of
 * 16/64/256 labels per class) presence beat counts on reward_hacking (0.697/0.844/0.949 against
 * 0.664/0.798/0.937) and insecure_code (0.781/0.933/0.983 against 0.743/0.898/0.979) and matched them
 * on aesthetic (0.711/0.927/1.000 against 0.703/0.927/1.000); naive Bayes there reached
 * 0.638/0.735/0.816, 0.698/0.772/0.829 and 0.735/0.935/0.997.
 */
record LexicalEvidence(Map<String, Double> weights, double bias) {

    static final double[] C_GRID = {0.01, 0.1, 1, 10};
    static final int FOLDS = 5;

    static LexicalEvidence fit(List<List<String>> terms, boolean[] inducing, double c) {
        return fit(terms, inducing, new double[] {c})[0];
    }

    /** One fit per C, sharing the log-ratios and the rows (they do not depend on C). */
    private static LexicalEvidence[] fit(List<List<String>> terms, boolean[] inducing, double[] cs) {
        List<Set<String>> present = terms.stream().map(LexicalEvidence::distinct).toList();
        Map<String, double[]> presence = new HashMap<>();
        double[] totals = new double[2];
        for (int i = 0; i < present.size(); i++) {
            int cls = inducing[i] ? 1 : 0;
            for (String t : present.get(i)) {
                presence.computeIfAbsent(t, k -> new double[2])[cls]++;
                totals[cls]++;
            }
        }
        double vocabulary = presence.size();
        String[] names = presence.keySet().stream().sorted().toArray(String[]::new);
        Map<String, Integer> column = new HashMap<>(names.length * 2);
        double[] ratio = new double[names.length];
        for (int j = 0; j < names.length; j++) {
            double[] p = presence.get(names[j]);
            column.put(names[j], j);
            ratio[j] = Math.log((p[1] + 1) / (totals[1] + vocabulary)) - Math.log((p[0] + 1) / (totals[0] + vocabulary));
        }
        LogisticFit.SparseRows rows = scaled(present, column, ratio);
        LexicalEvidence[] out = new LexicalEvidence[cs.length];
        for (int k = 0; k < cs.length; k++) {
            LogisticFit.Model model = LogisticFit.fit(rows, inducing, LogisticFit.Penalty.L2, cs[k]);
            Map<String, Double> weights = new HashMap<>(names.length * 2);
            for (int j = 0; j < names.length; j++) {
                double w = model.weights()[j] * ratio[j];
                if (w != 0) {
                    weights.put(names[j], w);
                }
            }
            out[k] = new LexicalEvidence(weights, model.bias());
        }
        return out;
    }

    /** Each row's terms present, as their log-ratios, sparse over the training vocabulary. */
    private static LogisticFit.SparseRows scaled(List<Set<String>> present, Map<String, Integer> column, double[] ratio) {
        int[][] index = new int[present.size()][];
        double[][] value = new double[present.size()][];
        for (int i = 0; i < present.size(); i++) {
            index[i] = present.get(i).stream().map(column::get).filter(j -> j != null)
                    .mapToInt(Integer::intValue).sorted().toArray();
            value[i] = Arrays.stream(index[i]).mapToDouble(j -> ratio[j]).toArray();
        }
        return new LogisticFit.SparseRows(index, value, ratio.length);
    }

    private static Set<String> distinct(List<String> terms) {
        return new LinkedHashSet<>(terms);
    }

    /** The logit's word part for a response's terms, each term counted once (as {@code Readout} serves it). */
    double score(List<String> terms) {
        return scoreDistinct(distinct(terms));
    }

    private double scoreDistinct(Set<String> terms) {
        double s = bias;
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
        double[][] scores = new double[C_GRID.length][inducing.length];
        List<Set<String>> distinctTerms = terms.stream().map(LexicalEvidence::distinct).toList();
        for (int f = 0; f < k; f++) {
            int held = f;
            int[] train = IntStream.range(0, inducing.length).filter(i -> fold[i] != held).toArray();
            LexicalEvidence[] models = fit(Arrays.stream(train).mapToObj(terms::get).toList(), Baselines.pick(inducing, train), C_GRID);
            for (int i = 0; i < inducing.length; i++) {
                if (fold[i] == held) {
                    for (int c = 0; c < C_GRID.length; c++) {
                        scores[c][i] = models[c].scoreDistinct(distinctTerms.get(i));
                    }
                }
            }
        }
        double best = 1.0;
        double bestAuroc = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < C_GRID.length; c++) {
            double[][] split = Baselines.split(scores[c], inducing);
            double auroc = Auroc.of(split[0], split[1]);
            if (auroc > bestAuroc + 1e-12) {
                bestAuroc = auroc;
                best = C_GRID[c];
            }
        }
        return best;
    }
}
