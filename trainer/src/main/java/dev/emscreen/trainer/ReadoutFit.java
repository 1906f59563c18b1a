package dev.emscreen.trainer;

import dev.emscreen.features.scoring.Readout;
import dev.emscreen.features.selection.Auroc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * Fits the learned readout from labelled samples, in two stages, and hands it over as the one
 * linear form {@link Readout} serves:
 * <ol>
 *   <li>Three pieces of evidence, each fitted on the labels: a sparse (L1) logistic regression on the
 *       standardised pooled SAE activations; a dense (L2) logistic regression on their decoded sum
 *       ({@link Rows#decoded()}), each with C chosen by cross-validation; and word evidence from the
 *       response's words and word pairs ({@link LexicalEvidence}: L2 logistic on their presence scaled
 *       by naive Bayes log-ratios), C chosen likewise. A fourth when the rows carry mean response hidden
 *       states (a build from target labels): a dense (L2) logistic regression on them, for what the
 *       SAE's reconstruction loses.</li>
 *   <li>A logistic regression that weighs those against the three geometric scores (proximity,
 *       toxic mass, contrast), fitted on out-of-fold values of the first stage (so it learns how far
 *       each piece of evidence carries to samples it did not see), and pulled towards a prior
 *       ({@link #prior}: words, the decoded activations and the hidden states, each weighted by how well
 *       it separated the classes out of fold) by {@link AnchoredLogistic}, as hard as cross-validation allows within
 *       one standard error; while labels are few, with no weight below zero ({@link #nonNegative}).</li>
 * </ol>
 * Why this shape, chosen on em-dev's learning curves (README, "Learning from annotators"): with a few
 * dozen labels a last stage pulled towards zero (plain L2) let noisy out-of-fold evidence outvote the
 * strong evidence, losing to naive Bayes alone. Anchored to a prior, the readout keeps the strong
 * evidence with few labels and adds the rest once labels show it helps (at 64 and more per class
 * they do). Which evidence is strong depends on the data: words on reward_hacking and insecure_code,
 * hidden states on aesthetic preferences, whose signal is spread thinly over many features (a linear
 * probe on hidden states reaches 0.85 there from 16 labels per class, words 0.70). A prior of words
 * alone held aesthetic at 0.72; choosing one piece by out-of-fold AUROC picked wrong one draw in
 * three; weighting both by their out-of-fold separation lifted aesthetic to 0.81 at no cost to
 * reward_hacking. The SAE's reconstruction still lost part of what the probe reads there; the
 * hidden-state model beside it brought aesthetic level with the probe (README, "What moved this round").
 */
final class ReadoutFit {

    /**
     * The labelled rows: pooled SAE activations, geometric scores {proximity, toxicMass, contrast},
     * terms, label; the SAE's feature directions [feature][model dimension], shared by every row; and
     * each row's mean response hidden state, or null for a readout that does not read hidden states.
     */
    record Rows(float[][] pooled, double[][] geometric, List<List<String>> terms, boolean[] inducing, float[][] directions,
                float[][] hidden) {

        /** Rows for a readout that does not read hidden states. */
        Rows(float[][] pooled, double[][] geometric, List<List<String>> terms, boolean[] inducing, float[][] directions) {
            this(pooled, geometric, terms, inducing, directions, null);
        }

        Rows subset(int[] rows) {
            return new Rows(Arrays.stream(rows).mapToObj(i -> pooled[i]).toArray(float[][]::new),
                    Arrays.stream(rows).mapToObj(i -> geometric[i]).toArray(double[][]::new),
                    Arrays.stream(rows).mapToObj(terms::get).toList(), Baselines.pick(inducing, rows), directions,
                    hidden == null ? null : Arrays.stream(rows).mapToObj(i -> hidden[i]).toArray(float[][]::new));
        }

        /** Row {@code i}'s mean hidden state, or null when the rows have none. */
        float[] hidden(int i) {
            return hidden == null ? null : hidden[i];
        }

        /**
         * Each row's pooled activations carried back into the encoder's space through the SAE's
         * decoder, {@code Σ_f a_f·d_f}: with mean pooling, the SAE's reconstruction of the mean hidden
         * state (less the decoder bias, which standardising removes).
         */
        double[][] decoded() {
            return decode(pooled, directions);
        }

        int size() {
            return inducing.length;
        }
    }

    static final int FOLDS = 5;
    /**
     * C for the L1 model on SAE activations: strong regularisation only. With a few dozen labels and a
     * thousand features, weaker settings overfit (and liblinear's L1 solver slows down sharply there).
     */
    static final double[] SAE_GRID = {0.01, 0.03, 0.1, 0.3, 1};
    private static final double[] STACK_GRID = {0.01, 0.1, 1, 10};

    private ReadoutFit() {
    }

    /** The readout fitted on every row. */
    static Readout.Weights fit(Rows rows, long seed) {
        double wordsC = LexicalEvidence.chooseC(rows.terms(), rows.inducing(), seed);
        Standardised sae = Standardised.of(rows.pooled());
        LogisticFit.SparseRows saeRows = sae.rows(rows.pooled());
        double c = LogisticFit.chooseC(saeRows, rows.inducing(), LogisticFit.Penalty.L1, SAE_GRID, FOLDS, seed);
        double[][] decoded = rows.decoded();
        double denseC = LogisticFit.chooseC(Standardised.of(decoded).rows(decoded), rows.inducing(), LogisticFit.Penalty.L2,
                LogisticFit.C_GRID, FOLDS, seed);
        double hiddenC = rows.hidden() == null ? Double.NaN : LogisticFit.chooseC(Standardised.ofDense(rows.hidden()).rows(rows.hidden()),
                rows.inducing(), LogisticFit.Penalty.L2, LogisticFit.C_GRID, FOLDS, seed);
        Cs cs = new Cs(wordsC, c, denseC, hiddenC);

        // Stage-one evidence out of fold: what the stacker sees is how each piece scores unseen samples.
        int[] fold = LogisticFit.stratifiedFolds(rows.inducing(), FOLDS, seed);
        int k = Arrays.stream(fold).max().orElse(0) + 1;
        double[][] stacked = new double[rows.size()][];
        for (int f = 0; f < k; f++) {
            int held = f;
            int[] train = IntStream.range(0, rows.size()).filter(i -> fold[i] != held).toArray();
            Stage one = Stage.fit(rows.subset(train), Arrays.stream(train).mapToObj(i -> decoded[i]).toArray(double[][]::new), cs);
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == held) {
                    stacked[i] = one.inputs(rows.pooled()[i], decoded[i], rows.geometric()[i], rows.terms().get(i), rows.hidden(i));
                }
            }
        }
        Standardised stack = Standardised.of(stacked);
        double[][] z = stack.dense(stacked);
        double[] prior = prior(z, rows.inducing());
        boolean nonNegative = nonNegative(rows.inducing());
        double lambda = chooseLambda(z, rows.inducing(), nonNegative, seed);
        double[] theta = lastStage(z, rows.inducing(), prior, lambda, nonNegative);
        int inputs = prior.length;
        LogisticFit.Model top = new LogisticFit.Model(Arrays.copyOf(theta, inputs), theta[inputs]);
        String hiddenPart = rows.hidden() == null ? ""
                : String.format(Locale.ROOT, ", L2 logistic on the mean response hidden states (C=%s)", hiddenC);
        String hiddenPrior = rows.hidden() == null ? "" : String.format(Locale.ROOT, " and hidden states %.2f", prior[HIDDEN]);
        return Stage.fit(rows, decoded, cs).collapse(top, stack, rows.directions(),
                String.format(Locale.ROOT, "stacked logistic readout: words and word pairs (L2 logistic on their presence scaled by naive Bayes log-ratios, C=%s), L1 logistic on %d "
                        + "SAE activations (C=%s), L2 logistic on their decoded sum (C=%s)%s and the three geometric scores, "
                        + "weighed on out-of-fold evidence%s, pulled towards words %.2f and decoded activations %.2f%s (lambda=%s); "
                        + "fitted on %d labelled samples", wordsC, rows.pooled()[0].length, c, denseC, hiddenPart,
                        nonNegative ? " (no weight below zero)" : "", prior[0], prior[2], hiddenPrior, lambda, rows.size()));
    }

    /** The first stage's regularisation, chosen once on every row and reused in each fold; {@code hidden} NaN without hidden states. */
    private record Cs(double words, double sae, double decoded, double hidden) {
    }

    /**
     * The last stage at pull {@code lambda}; if that leaves every weight at zero, at the strongest pull
     * instead. A last stage with no weight scores every sample alike (a constant readout, AUROC 0.5 on
     * any data). The bound can give that: on em-dev reward_hacking, 16 labels per class, one draw's
     * cross-validation chose a weak pull, every input's weight went to zero, and the readout scored
     * 0.500 on the rest; refitted at the strongest pull it scored 0.695. The prior is evidence that
     * separated out of fold; no evidence at all is never the better answer.
     */
    static double[] lastStage(double[][] z, boolean[] y, double[] prior, double lambda, boolean nonNegative) {
        double[] theta = AnchoredLogistic.fit(z, y, prior, lambda, nonNegative);
        boolean constant = Arrays.stream(theta, 0, prior.length).allMatch(w -> w == 0);
        return constant && lambda < LAMBDAS[0] ? AnchoredLogistic.fit(z, y, prior, LAMBDAS[0], nonNegative) : theta;
    }

    /**
     * How many inputs the last stage has without hidden states: words, sparse SAE, decoded SAE,
     * proximity, toxic mass, contrast. Rows with hidden states add the hidden-state model at {@link #HIDDEN}.
     */
    static final int INPUTS = 6;
    /** The last-stage column of the hidden-state model, when the rows have hidden states. */
    static final int HIDDEN = INPUTS;

    /** Labels per class (the smaller class) from which the last stage may weigh an input below zero. */
    static final int SIGNED_FROM_PER_CLASS = 50;

    /**
     * Whether the last stage keeps every weight at zero or above: while either class has fewer than
     * {@link #SIGNED_FROM_PER_CLASS} labels. Each input is evidence that a sample is inducing (an
     * out-of-fold logit, or a geometric score that rises towards toxic features), so with a few dozen
     * labels a negative weight only says they read an input backwards: on em-dev insecure_code at 16
     * labels per class one draw's readout scored 0.684 where its words alone scored 0.803. With many
     * labels a negative weight is the fit offsetting evidence that overlaps (words and SAE features
     * say much the same), and bounding it there cost the seed readout every SAE feature it explains by.
     */
    static boolean nonNegative(boolean[] y) {
        int positives = 0;
        for (boolean b : y) {
            positives += b ? 1 : 0;
        }
        return Math.min(positives, y.length - positives) < SIGNED_FROM_PER_CLASS;
    }

    /**
     * The last stage's prior over {words, sparse SAE, decoded SAE, proximity, toxic mass, contrast[,
     * hidden states]}: words and the decoded activations, each weighted by its separation
     * d' = √2·Φ⁻¹(AUROC) on the out-of-fold evidence, scaled to unit length: only the direction
     * matters, the last stage fits the scale. The weighting follows an equal-variance normal model of
     * independent evidence, where d' is each piece's best weight; the two pieces here are correlated,
     * so it is a reasonable direction rather than the optimum. No separation is taken below one
     * standard error above chance ({@link #separation}), so when neither beats chance by more than
     * noise they are blended equally. When the rows have hidden states, the decoded activations'
     * weight becomes the larger of its and the hidden states' separation, split between the two by
     * their separations: they read the same states, and weighed as independent evidence they
     * outvoted words (em-dev insecure_code, 16 labels per class, 10 draws: 0.703 that way, 0.722
     * this way, both measured before the hidden model's C was chosen on its own unfloored scale;
     * aesthetic 0.836 and 0.830; README, "What moved this round"). The sparse model and the geometric
     * scores start at zero and get weight where the labels show they help: a fixed prior of words alone held em-dev's aesthetic at 0.72 AUROC from
     * 16 labels per class (the probe: 0.85), and a fixed equal blend of the two cost reward_hacking and
     * insecure_code 0.02–0.05.
     */
    static double[] prior(double[][] z, boolean[] y) {
        double[] prior = new double[z[0].length];
        prior[0] = separation(z, y, 0);
        prior[2] = separation(z, y, 2);
        if (prior.length > HIDDEN) {
            // Decoded activations and hidden states are two readings of the same states: together they get
            // the better one's share, split between them by separation, so words keep theirs.
            double decoded = prior[2];
            double hidden = separation(z, y, HIDDEN);
            double share = Math.max(decoded, hidden);
            prior[2] = share * decoded / (decoded + hidden);
            prior[HIDDEN] = share * hidden / (decoded + hidden);
        }
        double norm = Math.sqrt(Arrays.stream(prior).map(p -> p * p).sum());
        for (int j = 0; j < prior.length; j++) {
            prior[j] /= norm;
        }
        return prior;
    }

    /**
     * d' of one column's out-of-fold AUROC, taken no lower than one standard error above chance
     * ({@link #aurocStandardError} at 0.5 on these labels). Out of fold on a few dozen labels, an AUROC
     * pooled over five folds of six or seven samples each is noisy: on em-dev insecure_code, 16 labels
     * per class, one draw's words scored below chance out of fold while naive Bayes on the same 32
     * labels scored 0.747 on the rest. Taken at face value that dropped words from the prior, and the
     * readout scored 0.587. So noise cannot zero a piece out; real separation still outweighs it, and
     * the floor fades with labels (an AUROC of 0.60 at 16 per class, 0.51 at 1,800: the seed readout's
     * pieces are far above it).
     */
    private static double separation(double[][] z, boolean[] y, int column) {
        double[] scores = Arrays.stream(z).mapToDouble(row -> row[column]).toArray();
        double[][] split = Baselines.split(scores, y);
        double auroc = Math.min(Math.max(Auroc.of(split[0], split[1]), 0.5 + aurocStandardError(0.5, y)), 0.999);
        return Math.sqrt(2) * NORMAL.inverseCumulativeProbability(auroc);
    }

    private static final NormalDistribution NORMAL = new NormalDistribution(null, 0, 1);
    /** Fold assignments the last stage's pull is cross-validated over. */
    static final int LAMBDA_REPEATS = 10;
    /** How hard the last stage is pulled to its prior, strongest first. */
    private static final double[] LAMBDAS = {100, 30, 10, 3, 1, 0.3, 0.1};

    /**
     * The strongest pull towards the prior whose cross-validated AUROC is within one standard error of
     * the best: with few labels, the prior; with enough, whatever the labels support. Each candidate is
     * fitted as the readout's own last stage is ({@code nonNegative}, decided once on every row).
     */
    static double chooseLambda(double[][] z, boolean[] y, boolean nonNegative, long seed) {
        double[] auroc = new double[LAMBDAS.length];
        // Repeated over fold assignments: with a few dozen labels one assignment's AUROCs differ by more
        // than the standard error itself, and a lucky split let weak evidence (the geometric scores on
        // em-dev) pull the readout off its prior. The last stage is a handful of columns, so this is cheap.
        for (int r = 0; r < LAMBDA_REPEATS; r++) {
            int[] fold = LogisticFit.stratifiedFolds(y, FOLDS, seed + 7919L * r);
            int k = Arrays.stream(fold).max().orElse(0) + 1;
            double[][] scores = new double[LAMBDAS.length][y.length];
            for (int f = 0; f < k; f++) {
                int held = f;
                int[] train = IntStream.range(0, y.length).filter(i -> fold[i] != held).toArray();
                double[][] zTrain = Arrays.stream(train).mapToObj(i -> z[i]).toArray(double[][]::new);
                boolean[] yTrain = Baselines.pick(y, train);
                // The prior from the training folds only, as the readout's own is from its training rows.
                double[] prior = prior(zTrain, yTrain);
                for (int l = 0; l < LAMBDAS.length; l++) {
                    double[] theta = AnchoredLogistic.fit(zTrain, yTrain, prior, LAMBDAS[l], nonNegative);
                    for (int i = 0; i < y.length; i++) {
                        if (fold[i] == held) {
                            double s = theta[prior.length];
                            for (int j = 0; j < prior.length; j++) {
                                s += theta[j] * z[i][j];
                            }
                            scores[l][i] = s;
                        }
                    }
                }
            }
            for (int l = 0; l < LAMBDAS.length; l++) {
                double[][] split = Baselines.split(scores[l], y);
                auroc[l] += Auroc.of(split[0], split[1]) / LAMBDA_REPEATS;
            }
        }
        int best = 0;
        for (int l = 1; l < LAMBDAS.length; l++) {
            if (auroc[l] > auroc[best]) {
                best = l;
            }
        }
        double se = aurocStandardError(auroc[best], y);
        for (int l = 0; l < LAMBDAS.length; l++) {
            if (auroc[l] >= auroc[best] - se) {
                return LAMBDAS[l];
            }
        }
        return LAMBDAS[best];
    }

    /** Hanley and McNeil's standard error of an AUROC of {@code a} on these labels. */
    static double aurocStandardError(double auroc, boolean[] y) {
        int n1 = 0;
        for (boolean b : y) {
            n1 += b ? 1 : 0;
        }
        int n0 = y.length - n1;
        double a = Math.min(Math.max(auroc, 0.5), 0.999);
        double q1 = a / (2 - a);
        double q2 = 2 * a * a / (1 + a);
        return Math.sqrt((a * (1 - a) + (n1 - 1) * (q1 - a * a) + (n0 - 1) * (q2 - a * a)) / ((double) n1 * n0));
    }

    /** Each row's readout score from a readout fitted without that row's fold (nested): for choosing and calibrating. */
    static double[] outOfFold(Rows rows, long seed) {
        int[] fold = LogisticFit.stratifiedFolds(rows.inducing(), FOLDS, seed + 1);
        int k = Arrays.stream(fold).max().orElse(0) + 1;
        double[] scores = new double[rows.size()];
        for (int f = 0; f < k; f++) {
            int held = f;
            int[] train = IntStream.range(0, rows.size()).filter(i -> fold[i] != held).toArray();
            Readout.Weights w = fit(rows.subset(train), seed);
            for (int i = 0; i < rows.size(); i++) {
                if (fold[i] == held) {
                    scores[i] = logit(w, rows.pooled()[i], rows.geometric()[i], rows.terms().get(i), rows.hidden(i));
                }
            }
        }
        return scores;
    }

    /** The readout's logit for one row, by the same weights {@link Readout} serves; {@code hidden} its mean hidden state, or null. */
    static double logit(Readout.Weights w, float[] pooled, double[] geometric, List<String> terms, float[] hidden) {
        double z = w.bias() + w.proximity() * geometric[0] + w.toxicMass() * geometric[1] + w.contrast() * geometric[2];
        if (w.hidden() != null) {
            for (int j = 0; j < hidden.length; j++) {
                z += w.hidden().get(j) * hidden[j];
            }
        }
        for (var e : w.features().entrySet()) {
            z += e.getValue() * pooled[e.getKey()];
        }
        Map<String, Integer> occurrences = new TreeMap<>();
        terms.forEach(t -> occurrences.merge(t, 1, Integer::sum));
        for (var e : occurrences.entrySet()) {
            z += w.times(e.getValue()) * w.terms().getOrDefault(e.getKey(), 0.0);
        }
        return z;
    }

    /**
     * The first stage fitted on some rows: the word evidence, the L1 model on SAE activations, an L2
     * model on the activations' decoded sum (dense: what a probe on hidden states sees, as far as the
     * SAE reconstructs it, and still a weight per SAE feature once multiplied through the decoder),
     * and, for rows with hidden states, an L2 model on them (null otherwise): what the SAE's
     * reconstruction loses.
     */
    private record Stage(LexicalEvidence words, Standardised sae, LogisticFit.Model saeModel, Standardised dense,
                         LogisticFit.Model denseModel, Standardised hidden, LogisticFit.Model hiddenModel) {

        /** {@code decoded} is {@link Rows#decoded()} of these rows, computed once by the caller for every fold. */
        static Stage fit(Rows rows, double[][] decoded, Cs cs) {
            Standardised sae = Standardised.of(rows.pooled());
            boolean twoClasses = IntStream.range(0, rows.size()).anyMatch(i -> rows.inducing()[i])
                    && IntStream.range(0, rows.size()).anyMatch(i -> !rows.inducing()[i]);
            if (!twoClasses) {
                throw new IllegalArgumentException("a readout needs both inducing and control samples in every fold");
            }
            Standardised dense = Standardised.of(decoded);
            Standardised hidden = rows.hidden() == null ? null : Standardised.ofDense(rows.hidden());
            return new Stage(LexicalEvidence.fit(rows.terms(), rows.inducing(), cs.words()), sae,
                    LogisticFit.fit(sae.rows(rows.pooled()), rows.inducing(), LogisticFit.Penalty.L1, cs.sae()), dense,
                    LogisticFit.fit(dense.rows(decoded), rows.inducing(), LogisticFit.Penalty.L2, cs.decoded()), hidden,
                    hidden == null ? null : LogisticFit.fit(hidden.rows(rows.hidden()), rows.inducing(), LogisticFit.Penalty.L2, cs.hidden()));
        }

        /** The stacker's inputs: words, SAE, decoded SAE, the geometric scores, then (with hidden states) the hidden-state model. */
        double[] inputs(float[] pooled, double[] decoded, double[] geometric, List<String> terms, float[] meanState) {
            LogisticFit.SparseRows one = sae.rows(new float[][] {pooled});
            LogisticFit.SparseRows two = dense.rows(new double[][] {decoded});
            double[] in = {words.score(terms), saeModel.logit(one.index()[0], one.value()[0]),
                denseModel.logit(two.index()[0], two.value()[0]), geometric[0], geometric[1], geometric[2]};
            if (hiddenModel == null) {
                return in;
            }
            LogisticFit.SparseRows three = hidden.rows(new float[][] {meanState});
            double[] with = Arrays.copyOf(in, INPUTS + 1);
            with[HIDDEN] = hiddenModel.logit(three.index()[0], three.value()[0]);
            return with;
        }

        /** Multiplies the stacker through both stages: one weight per term, per SAE feature, per geometric score. */
        Readout.Weights collapse(LogisticFit.Model top, Standardised stack, float[][] directions, String design) {
            int inputs = top.weights().length;
            double[] v = new double[inputs];
            double bias = top.bias();
            for (int j = 0; j < inputs; j++) {
                v[j] = stack.scale[j] == 0 ? 0 : top.weights()[j] / stack.scale[j];
                bias -= v[j] * stack.mean[j];
            }
            Map<String, Double> terms = new TreeMap<>();
            if (v[0] != 0) {
                words.weights().forEach((t, r) -> terms.put(t, v[0] * r));
            }
            bias += v[0] * words.bias();
            double[] feature = new double[directions.length];
            double saeBias = saeModel.bias();
            for (int i = 0; i < saeModel.weights().length; i++) {
                double beta = saeModel.weights()[i];
                if (beta != 0 && sae.scale[i] != 0) {
                    feature[i] += v[1] * beta / sae.scale[i];
                    saeBias -= beta * sae.mean[i] / sae.scale[i];
                }
            }
            bias += v[1] * saeBias;
            // The dense model's weight on decoded dimension j, w_j / s_j, reaches feature f as Σ_j d_fj·w_j / s_j.
            double[] perDimension = new double[dense.mean.length];
            double denseBias = denseModel.bias();
            for (int j = 0; j < perDimension.length; j++) {
                if (dense.scale[j] != 0) {
                    perDimension[j] = denseModel.weights()[j] / dense.scale[j];
                    denseBias -= perDimension[j] * dense.mean[j];
                }
            }
            if (v[2] != 0) {
                for (int f = 0; f < directions.length; f++) {
                    double w = 0;
                    for (int j = 0; j < perDimension.length; j++) {
                        w += directions[f][j] * perDimension[j];
                    }
                    feature[f] += v[2] * w;
                }
                bias += v[2] * denseBias;
            }
            Map<Integer, Double> features = new TreeMap<>();
            for (int f = 0; f < feature.length; f++) {
                if (feature[f] != 0) {
                    features.put(f, feature[f]);
                }
            }
            List<Double> perHiddenDimension = null;
            if (hiddenModel != null && v[HIDDEN] != 0) {
                // As the dense model's: weight w_j / s_j on dimension j, the means moved into the bias.
                double[] h = new double[hidden.mean.length];
                double hiddenBias = hiddenModel.bias();
                for (int j = 0; j < h.length; j++) {
                    if (hidden.scale[j] != 0) {
                        h[j] = v[HIDDEN] * hiddenModel.weights()[j] / hidden.scale[j];
                        hiddenBias -= hiddenModel.weights()[j] * hidden.mean[j] / hidden.scale[j];
                    }
                }
                bias += v[HIDDEN] * hiddenBias;
                perHiddenDimension = Arrays.stream(h).boxed().toList();
            }
            return new Readout.Weights(bias, v[3], v[4], v[5], features, terms, perHiddenDimension,
                    Readout.TermCounting.ONCE_PER_RESPONSE, design);
        }
    }

    /** {@code Σ_f a_f·d_f} for each row of pooled activations. */
    static double[][] decode(float[][] pooled, float[][] directions) {
        int width = directions[0].length;
        double[][] out = new double[pooled.length][width];
        for (int i = 0; i < pooled.length; i++) {
            for (int f = 0; f < pooled[i].length; f++) {
                float a = pooled[i][f];
                if (a != 0) {
                    float[] d = directions[f];
                    for (int j = 0; j < width; j++) {
                        out[i][j] += a * d[j];
                    }
                }
            }
        }
        return out;
    }

    /** Column means and standard deviations of the rows a model is fitted on; constant columns get scale 0 and are left out. */
    private record Standardised(double[] mean, double[] scale) {

        /**
         * For SAE activations: no feature's scale is taken below the median scale of the active ones. A
         * feature that fired on one or two labelled samples has a tiny spread, and dividing by it would
         * let that feature swamp every score on the rows where it fires more (it did, on em-dev).
         */
        static Standardised of(float[][] x) {
            Standardised st = of(widen(x));
            double[] active = Arrays.stream(st.scale).filter(v -> v > 0).sorted().toArray();
            double median = active.length == 0 ? 0 : active[active.length / 2];
            for (int j = 0; j < st.scale.length; j++) {
                if (st.scale[j] > 0) {
                    st.scale[j] = Math.max(st.scale[j], median);
                }
            }
            return st;
        }

        /** For hidden states: no floor on the scale, as every dimension is dense (none fires on a few rows only). */
        static Standardised ofDense(float[][] x) {
            return of(widen(x));
        }

        static Standardised of(double[][] x) {
            int d = x[0].length;
            double[] mean = new double[d];
            double[] scale = new double[d];
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j] / x.length;
                }
            }
            for (double[] row : x) {
                for (int j = 0; j < d; j++) {
                    scale[j] += (row[j] - mean[j]) * (row[j] - mean[j]) / x.length;
                }
            }
            for (int j = 0; j < d; j++) {
                scale[j] = scale[j] > 1e-12 ? Math.sqrt(scale[j]) : 0;
            }
            return new Standardised(mean, scale);
        }

        private static double[][] widen(float[][] x) {
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                out[i] = new double[x[i].length];
                for (int j = 0; j < x[i].length; j++) {
                    out[i][j] = x[i][j];
                }
            }
            return out;
        }

        /** Standardised dense rows; a constant column is all zeros. */
        double[][] dense(double[][] x) {
            double[][] out = new double[x.length][mean.length];
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < mean.length; j++) {
                    out[i][j] = scale[j] > 0 ? (x[i][j] - mean[j]) / scale[j] : 0;
                }
            }
            return out;
        }

        LogisticFit.SparseRows rows(float[][] x) {
            return rows(widen(x));
        }

        LogisticFit.SparseRows rows(double[][] x) {
            int[][] index = new int[x.length][];
            double[][] value = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                List<Integer> idx = new ArrayList<>();
                List<Double> val = new ArrayList<>();
                for (int j = 0; j < mean.length; j++) {
                    if (scale[j] > 0) {
                        double z = (x[i][j] - mean[j]) / scale[j];
                        if (z != 0) {
                            idx.add(j);
                            val.add(z);
                        }
                    }
                }
                index[i] = idx.stream().mapToInt(Integer::intValue).toArray();
                value[i] = val.stream().mapToDouble(Double::doubleValue).toArray();
            }
            return new LogisticFit.SparseRows(index, value, mean.length);
        }
    }
}
