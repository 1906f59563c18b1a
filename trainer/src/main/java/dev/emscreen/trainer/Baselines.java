package dev.emscreen.trainer;

import dev.emscreen.features.lexical.ResponseWords;
import dev.emscreen.features.selection.Auroc;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What a user might use instead of SAE geometry, trained in-domain on the evaluation's own labels
 * and fitted as carefully as the product (converged solvers, hyperparameters chosen by
 * cross-validation on the training rows only):
 * <ul>
 *   <li>{@link #naiveBayes(List, boolean[], List) Naive Bayes}: multinomial, on the response's
 *       lower-cased words and adjacent word pairs ({@link ResponseWords#terms}); the additive
 *       smoothing is chosen from {@link #NB_ALPHAS} by inner cross-validation.</li>
 *   <li>{@link #linearProbe(float[][], boolean[], float[][]) Linear probe}: L2 logistic regression
 *       on mean-pooled hidden states, each column standardised on the training rows, solved to
 *       convergence by {@link LogisticFit}, with C chosen from {@link LogisticFit#C_GRID} by
 *       inner cross-validation.</li>
 *   <li>{@link #length Response length} alone.</li>
 * </ul>
 * Each learned baseline has a train/test form (fit on labelled rows, score others: the learning
 * curve) and an out-of-fold form ({@value #FOLDS}-fold, stratified, seeded: every row is scored by
 * a model that never saw it) that calls the train/test form once per fold.
 */
final class Baselines {

    static final int FOLDS = 5;

    /** The naive Bayes smoothing values tried by inner cross-validation. */
    static final double[] NB_ALPHAS = {0.1, 0.3, 1.0};

    /** Smoothing used when the training rows are too few to cross-validate (a class with under 2 rows). */
    static final double NB_DEFAULT_ALPHA = 1.0;

    /** C used when the training rows are too few to cross-validate (a class with under 2 rows). */
    static final double PROBE_DEFAULT_C = 1.0;

    /** Seeds every fold shuffle, outer and inner, so the baselines are repeatable. */
    private static final long SEED = 2024L;

    private Baselines() {
    }

    /** The probe's input: each text's hidden states averaged over its response tokens. */
    static float[][] meanResponseStates(List<dev.emscreen.features.encoder.TokenStates> states) {
        return states.stream().map(s -> dev.emscreen.features.scoring.ActivationPooler.meanState(s, true)).toArray(float[][]::new);
    }

    static double[] length(List<String> responses) {
        return responses.stream().mapToDouble(String::length).toArray();
    }

    // ---------------------------------------------------------------- naive Bayes

    /**
     * Out-of-fold naive Bayes log-odds: {@link #naiveBayes(List, boolean[], List)} fitted on four
     * folds scores the fifth, for each fold in turn.
     *
     * @throws IllegalArgumentException if a class has fewer than 2 rows
     */
    static double[] naiveBayes(List<String> responses, boolean[] label) {
        requireSameSize(responses.size(), label.length);
        return outOfFold(label, (train, test) -> naiveBayes(pick(responses, train), pick(label, train), pick(responses, test)));
    }

    /**
     * Multinomial naive Bayes fitted on {@code trainTexts}, scoring {@code testTexts}.
     *
     * <p>Each text is the bag of its words and word pairs ({@link ResponseWords#terms}), counted with
     * repeats. A term's probability in a class is {@code (count + alpha) / (class total + alpha * V)},
     * {@code V} the training vocabulary; terms never seen in training are skipped (they carry no
     * evidence either way). Alpha is the value in {@link #NB_ALPHAS} with the best mean out-of-fold
     * AUROC over {@value #FOLDS} stratified inner folds of the training rows (ties: the larger, the
     * smoother); {@link #NB_DEFAULT_ALPHA} when a class has fewer than 2 training rows.
     *
     * @return per test text, the log-odds of the positive class: the log ratio of the training class
     *     frequencies plus the summed log likelihood ratios of its terms
     * @throws IllegalArgumentException if a class has no training rows
     */
    static double[] naiveBayes(List<String> trainTexts, boolean[] trainLabels, List<String> testTexts) {
        requireSameSize(trainTexts.size(), trainLabels.length);
        List<List<String>> train = trainTexts.stream().map(ResponseWords::terms).toList();
        List<List<String>> test = testTexts.stream().map(ResponseWords::terms).toList();
        int[] all = IntStream.range(0, train.size()).toArray();
        TermCounts counts = TermCounts.of(train, trainLabels, all);
        if (counts.docs[0] == 0 || counts.docs[1] == 0) {
            throw new IllegalArgumentException("naive Bayes needs both classes among the training rows, got "
                    + counts.docs[1] + " positive and " + counts.docs[0] + " negative");
        }
        double alpha = chooseAlpha(train, trainLabels);
        return test.stream().mapToDouble(terms -> counts.logOdds(terms, alpha)).toArray();
    }

    /** The alpha in {@link #NB_ALPHAS} with the best mean out-of-fold AUROC on these rows. */
    private static double chooseAlpha(List<List<String>> terms, boolean[] label) {
        if (minorityCount(label) < 2) {
            return NB_DEFAULT_ALPHA;
        }
        int[] fold = LogisticFit.stratifiedFolds(label, FOLDS, SEED);
        int folds = IntStream.of(fold).max().orElse(0) + 1;
        double[] auroc = new double[NB_ALPHAS.length];
        for (int f = 0; f < folds; f++) {
            int held = f;
            TermCounts counts = TermCounts.of(terms, label, IntStream.range(0, label.length).filter(i -> fold[i] != held).toArray());
            int[] test = IntStream.range(0, label.length).filter(i -> fold[i] == held).toArray();
            for (int a = 0; a < NB_ALPHAS.length; a++) {
                double alpha = NB_ALPHAS[a];
                double[] scores = IntStream.of(test).mapToDouble(i -> counts.logOdds(terms.get(i), alpha)).toArray();
                double[][] split = split(scores, pick(label, test));
                auroc[a] += Auroc.of(split[0], split[1]);
            }
        }
        double best = NB_DEFAULT_ALPHA;
        double bestAuroc = Double.NEGATIVE_INFINITY;
        // From the largest alpha down, taking only a strict improvement: ties keep the smoother model.
        for (int a = NB_ALPHAS.length - 1; a >= 0; a--) {
            if (auroc[a] > bestAuroc + 1e-12) {
                bestAuroc = auroc[a];
                best = NB_ALPHAS[a];
            }
        }
        return best;
    }

    /** Term counts per class (index 1 positive, 0 negative) from some training rows. */
    private static final class TermCounts {
        final Map<String, long[]> counts = new HashMap<>();
        final long[] totals = new long[2];
        final int[] docs = new int[2];

        static TermCounts of(List<List<String>> terms, boolean[] label, int[] rows) {
            TermCounts c = new TermCounts();
            for (int i : rows) {
                int cls = label[i] ? 1 : 0;
                c.docs[cls]++;
                for (String term : terms.get(i)) {
                    c.counts.computeIfAbsent(term, k -> new long[2])[cls]++;
                    c.totals[cls]++;
                }
            }
            return c;
        }

        double logOdds(List<String> terms, double alpha) {
            double vocabulary = counts.size();
            double logNorm1 = Math.log(totals[1] + alpha * vocabulary);
            double logNorm0 = Math.log(totals[0] + alpha * vocabulary);
            double score = Math.log((double) docs[1] / docs[0]);
            for (String term : terms) {
                long[] n = counts.get(term);
                if (n != null) {
                    score += Math.log(n[1] + alpha) - logNorm1 - Math.log(n[0] + alpha) + logNorm0;
                }
            }
            return score;
        }
    }

    // ---------------------------------------------------------------- linear probe

    /**
     * Out-of-fold linear-probe logits: {@link #linearProbe(float[][], boolean[], float[][])} fitted on
     * four folds scores the fifth, for each fold in turn.
     *
     * @throws IllegalArgumentException if a class has fewer than 2 rows
     */
    static double[] linearProbe(float[][] features, boolean[] label) {
        requireSameSize(features.length, label.length);
        return outOfFold(label, (train, test) -> linearProbe(pick(features, train), pick(label, train), pick(features, test)));
    }

    /**
     * L2-regularised logistic regression fitted on {@code train}, scoring {@code test}.
     *
     * <p>Each column is standardised with the mean and standard deviation of the training rows (a
     * column constant there is only centred). The model is fitted to convergence by
     * {@link LogisticFit#fit} (trust-region Newton, classes balanced, intercept unpenalised) with C
     * chosen by {@link LogisticFit#chooseC} over {@link LogisticFit#C_GRID}, {@value #FOLDS} stratified
     * inner folds of the training rows; {@link #PROBE_DEFAULT_C} when a class has fewer than 2 training
     * rows.
     *
     * @return per test row, the fitted logit of the positive class
     * @throws IllegalArgumentException if a class has no training rows or the widths disagree
     */
    static double[] linearProbe(float[][] train, boolean[] trainLabels, float[][] test) {
        requireSameSize(train.length, trainLabels.length);
        if (train.length == 0) {
            throw new IllegalArgumentException("the linear probe needs training rows");
        }
        int d = train[0].length;
        double[] mean = new double[d];
        double[] scale = new double[d];
        for (float[] row : train) {
            requireWidth(row, d);
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
            }
        }
        for (int j = 0; j < d; j++) {
            mean[j] /= train.length;
        }
        for (float[] row : train) {
            for (int j = 0; j < d; j++) {
                scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]);
            }
        }
        for (int j = 0; j < d; j++) {
            double sd = Math.sqrt(scale[j] / train.length);
            scale[j] = sd > 1e-12 ? sd : 1;
        }
        LogisticFit.SparseRows x = LogisticFit.SparseRows.dense(standardise(train, mean, scale));
        double c = minorityCount(trainLabels) >= 2
                ? LogisticFit.chooseC(x, trainLabels, LogisticFit.Penalty.L2, LogisticFit.C_GRID, FOLDS, SEED)
                : PROBE_DEFAULT_C;
        LogisticFit.Model model = LogisticFit.fit(x, trainLabels, LogisticFit.Penalty.L2, c);
        for (float[] row : test) {
            requireWidth(row, d);
        }
        return java.util.Arrays.stream(standardise(test, mean, scale)).mapToDouble(model::logit).toArray();
    }

    private static double[][] standardise(float[][] rows, double[] mean, double[] scale) {
        double[][] out = new double[rows.length][mean.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < mean.length; j++) {
                out[i][j] = (rows[i][j] - mean[j]) / scale[j];
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- shared

    /** Fits on some rows and scores others (indices into the full data). */
    private interface TrainTest {
        double[] scores(int[] train, int[] test);
    }

    /** Every row scored by the model fitted on the other folds ({@value #FOLDS} stratified, seeded folds). */
    private static double[] outOfFold(boolean[] label, TrainTest model) {
        int[] fold = LogisticFit.stratifiedFolds(label, FOLDS, SEED);
        int folds = IntStream.of(fold).max().orElse(0) + 1;
        double[] scores = new double[label.length];
        for (int f = 0; f < folds; f++) {
            int held = f;
            int[] train = IntStream.range(0, label.length).filter(i -> fold[i] != held).toArray();
            int[] test = IntStream.range(0, label.length).filter(i -> fold[i] == held).toArray();
            double[] s = model.scores(train, test);
            for (int k = 0; k < test.length; k++) {
                scores[test[k]] = s[k];
            }
        }
        return scores;
    }

    private static int minorityCount(boolean[] label) {
        int positives = 0;
        for (boolean b : label) {
            if (b) {
                positives++;
            }
        }
        return Math.min(positives, label.length - positives);
    }

    private static <T> List<T> pick(List<T> items, int[] rows) {
        return IntStream.of(rows).mapToObj(items::get).toList();
    }

    static boolean[] pick(boolean[] items, int[] rows) {
        boolean[] out = new boolean[rows.length];
        for (int k = 0; k < rows.length; k++) {
            out[k] = items[rows[k]];
        }
        return out;
    }

    private static float[][] pick(float[][] items, int[] rows) {
        return IntStream.of(rows).mapToObj(i -> items[i]).toArray(float[][]::new);
    }

    private static void requireSameSize(int rows, int labels) {
        if (rows != labels) {
            throw new IllegalArgumentException(rows + " rows but " + labels + " labels");
        }
    }

    private static void requireWidth(float[] row, int width) {
        if (row.length != width) {
            throw new IllegalArgumentException("a row has " + row.length + " features, expected " + width);
        }
    }

    static double[][] split(double[] scores, boolean[] label) {
        return new double[][] {
            IntStream.range(0, scores.length).filter(i -> label[i]).mapToDouble(i -> scores[i]).toArray(),
            IntStream.range(0, scores.length).filter(i -> !label[i]).mapToDouble(i -> scores[i]).toArray()};
    }

    static boolean[] labels(List<Boolean> labels) {
        boolean[] out = new boolean[labels.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = labels.get(i);
        }
        return out;
    }
}
