package dev.emscreen.trainer;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;
import dev.emscreen.features.selection.Auroc;
import java.util.Arrays;
import java.util.Random;

/**
 * Binary logistic regression fitted to convergence by liblinear, with the regularisation strength
 * chosen by stratified cross-validation. A thin wrapper: it only translates between this project's
 * arrays and liblinear's problem format and fixes the settings every baseline should share.
 *
 * <p>What every fit does, whichever penalty:
 * <ul>
 *   <li>Minimises {@code R(w) + C * sum_i k_i * log(1 + exp(-y_i (w.x_i + b)))}, where {@code R} is
 *       {@code |w|_1} ({@link Penalty#L1}) or {@code |w|_2^2 / 2} ({@link Penalty#L2}).</li>
 *   <li>Classes are balanced: {@code k_i = n / (2 * n_class(i))}, so each class carries half the
 *       loss however rare it is. For a correctly specified model this moves only the intercept
 *       (by {@code log(n_negative / n_positive)}), not the slopes.</li>
 *   <li>The intercept {@code b} is liblinear's bias feature (a constant 1 appended to every row)
 *       and is <em>not</em> regularised. liblinear regularises it like any other weight unless told
 *       otherwise, which would pull the intercept towards 0 under small C.</li>
 *   <li>The solver runs to a tight tolerance (see {@link #L2_EPS}, {@link #L1_EPS}), not a fixed
 *       number of steps, and is deterministic: same data, same model.</li>
 * </ul>
 */
public final class LogisticFit {

    /** The regularisation strengths {@link #chooseC} is usually given: 0.01 to 100, about half a decade apart. */
    public static final double[] C_GRID = {0.01, 0.03, 0.1, 0.3, 1, 3, 10, 30, 100};

    /**
     * Stopping tolerance for L2 (trust-region Newton). liblinear's criterion is relative:
     * {@code |grad f(w)|_2 <= eps * min(n_pos, n_neg) / n * |grad f(w_0)|_2}; its default, 0.01, stops
     * far from the optimum. Newton converges quadratically near the optimum, so 1e-6 costs only a few
     * more iterations.
     */
    static final double L2_EPS = 1e-6;

    /**
     * Stopping tolerance for L1 (newGLMNET, coordinate descent inside). Same relative form as L2 but
     * on the 1-norm of the minimum-norm subgradient; coordinate descent converges linearly, so it is
     * looser than {@link #L2_EPS}.
     */
    static final double L1_EPS = 1e-4;

    /** Outer iterations liblinear may take before it gives up (its default is 1000). */
    private static final int MAX_ITERATIONS = 10_000;

    /** liblinear's L1 solver visits coordinates in random order; a fixed seed keeps fits repeatable. */
    private static final long SOLVER_SEED = 0;

    /** The integer labels handed to liblinear. */
    private static final int POSITIVE = 1;
    private static final int NEGATIVE = 0;

    private LogisticFit() {
    }

    /** Which norm of the weights is penalised. */
    public enum Penalty {
        /** Lasso: liblinear {@code L1R_LR} (primal, newGLMNET). Drives weak weights to exactly 0. */
        L1,
        /** Ridge: liblinear {@code L2R_LR} (primal, trust-region Newton). */
        L2
    }

    /**
     * Rows of a sparse design matrix: indices ascending, 0-based, below columns.
     *
     * @param index   per row, the columns that have a value (strictly ascending)
     * @param value   per row, the values at those columns
     * @param columns how many columns the matrix has (the length of a fitted weight vector)
     */
    public record SparseRows(int[][] index, double[][] value, int columns) {

        public SparseRows {
            if (index.length != value.length) {
                throw new IllegalArgumentException("index has " + index.length + " rows but value has " + value.length);
            }
            if (columns < 0) {
                throw new IllegalArgumentException("columns must not be negative: " + columns);
            }
            for (int i = 0; i < index.length; i++) {
                if (index[i].length != value[i].length) {
                    throw new IllegalArgumentException("row " + i + " has " + index[i].length + " indices but "
                            + value[i].length + " values");
                }
                int previous = -1;
                for (int j : index[i]) {
                    if (j <= previous || j >= columns) {
                        throw new IllegalArgumentException("row " + i + ": column indices must be strictly ascending, "
                                + "0-based and below " + columns + ", got " + Arrays.toString(index[i]));
                    }
                    previous = j;
                }
            }
        }

        /** A dense matrix as sparse rows (exact zeros are left out, as liblinear would ignore them anyway). */
        public static SparseRows dense(double[][] x) {
            int columns = x.length == 0 ? 0 : x[0].length;
            int[][] index = new int[x.length][];
            double[][] value = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                if (x[i].length != columns) {
                    throw new IllegalArgumentException("row " + i + " has " + x[i].length + " columns, row 0 has " + columns);
                }
                int nonZero = 0;
                for (double v : x[i]) {
                    if (v != 0) {
                        nonZero++;
                    }
                }
                index[i] = new int[nonZero];
                value[i] = new double[nonZero];
                for (int j = 0, k = 0; j < columns; j++) {
                    if (x[i][j] != 0) {
                        index[i][k] = j;
                        value[i][k++] = x[i][j];
                    }
                }
            }
            return new SparseRows(index, value, columns);
        }

        public int rows() {
            return index.length;
        }
    }

    /**
     * A fitted model: {@code logit = weights . x + bias}, positive when the positive class is the
     * more likely (before class balancing shifted the intercept).
     */
    public record Model(double[] weights, double bias) {

        /** The logit of one sparse row (indices 0-based; columns beyond the weights count as 0). */
        public double logit(int[] index, double[] value) {
            double z = bias;
            for (int k = 0; k < index.length; k++) {
                if (index[k] < weights.length) {
                    z += weights[index[k]] * value[k];
                }
            }
            return z;
        }

        /** The logit of one dense row, which must have exactly {@code weights.length} columns. */
        public double logit(double[] dense) {
            if (dense.length != weights.length) {
                throw new IllegalArgumentException("row has " + dense.length + " columns, model has " + weights.length);
            }
            double z = bias;
            for (int j = 0; j < dense.length; j++) {
                z += weights[j] * dense[j];
            }
            return z;
        }
    }

    /**
     * Fits logistic regression on all rows of {@code x}.
     *
     * @param y true for the positive class; the returned weights raise the logit of "positive"
     * @param c the inverse regularisation strength (larger fits the data more closely)
     * @throws IllegalArgumentException if the sizes disagree, C is not positive, or a class is missing
     */
    public static Model fit(SparseRows x, boolean[] y, Penalty penalty, double c) {
        if (y.length != x.rows()) {
            throw new IllegalArgumentException(x.rows() + " rows but " + y.length + " labels");
        }
        int[] all = new int[y.length];
        Arrays.setAll(all, i -> i);
        return toModel(train(x, y, all, penalty, c, null), x.columns());
    }

    /**
     * Picks the C from {@code grid} with the best mean out-of-fold AUROC.
     *
     * <p>The rows are split into stratified folds after a shuffle seeded by {@code seed} (each fold
     * gets its share of both classes), a model is fitted on all but one fold and scores the one left
     * out, and the AUROCs of the folds are averaged. {@code folds} is lowered to the minority-class
     * count when that is smaller (so every fold holds both classes), and is at least 2. Ties go to the
     * smaller C, the stronger regularisation.
     *
     * @throws IllegalArgumentException if either class has fewer than 2 rows, or the grid is empty
     */
    public static double chooseC(SparseRows x, boolean[] y, Penalty penalty, double[] grid, int folds, long seed) {
        double[] auroc = cvAuroc(x, y, penalty, grid, folds, seed);
        double[] sorted = grid.clone();
        Arrays.sort(sorted);
        double best = Double.NaN;
        double bestAuroc = Double.NEGATIVE_INFINITY;
        for (double c : sorted) {
            double a = auroc[indexOf(grid, c)];
            // Strictly better by more than rounding: an equal score keeps the smaller C found first.
            if (a > bestAuroc + 1e-12) {
                bestAuroc = a;
                best = c;
            }
        }
        return best;
    }

    /**
     * Mean out-of-fold AUROC of each C in {@code grid}, in grid order: the numbers {@link #chooseC}
     * ranks. For L2, each fold's fits start from the previous (smaller) C's solution, as liblinear's
     * own C search does; the optimum is unique, so this only saves time.
     */
    static double[] cvAuroc(SparseRows x, boolean[] y, Penalty penalty, double[] grid, int folds, long seed) {
        if (y.length != x.rows()) {
            throw new IllegalArgumentException(x.rows() + " rows but " + y.length + " labels");
        }
        if (grid.length == 0) {
            throw new IllegalArgumentException("the grid of C values is empty");
        }
        int[] fold = stratifiedFolds(y, folds, seed);
        int k = Arrays.stream(fold).max().orElse(0) + 1;
        double[] sorted = grid.clone();
        Arrays.sort(sorted);
        double[] sum = new double[sorted.length];
        for (int f = 0; f < k; f++) {
            int held = f;
            int[] train = java.util.stream.IntStream.range(0, y.length).filter(i -> fold[i] != held).toArray();
            int[] test = java.util.stream.IntStream.range(0, y.length).filter(i -> fold[i] == held).toArray();
            double[] warm = null;
            for (int g = 0; g < sorted.length; g++) {
                de.bwaldvogel.liblinear.Model fitted = train(x, y, train, penalty, sorted[g], warm);
                if (penalty == Penalty.L2) {
                    warm = fitted.getFeatureWeights();
                }
                Model model = toModel(fitted, x.columns());
                double[] positives = java.util.stream.IntStream.of(test).filter(i -> y[i])
                        .mapToDouble(i -> model.logit(x.index()[i], x.value()[i])).toArray();
                double[] negatives = java.util.stream.IntStream.of(test).filter(i -> !y[i])
                        .mapToDouble(i -> model.logit(x.index()[i], x.value()[i])).toArray();
                sum[g] += Auroc.of(positives, negatives);
            }
        }
        double[] mean = new double[grid.length];
        for (int i = 0; i < grid.length; i++) {
            mean[i] = sum[Arrays.binarySearch(sorted, grid[i])] / k;
        }
        return mean;
    }

    /**
     * A fold number for every row: the rows of each class are shuffled (seeded) and dealt round-robin,
     * so every fold gets {@code floor} or {@code ceil} of its share of each class. The number of folds
     * is {@code min(folds, minority-class count)}, at least 2.
     *
     * @throws IllegalArgumentException if either class has fewer than 2 rows
     */
    static int[] stratifiedFolds(boolean[] y, int folds, long seed) {
        int positives = 0;
        for (boolean b : y) {
            if (b) {
                positives++;
            }
        }
        int negatives = y.length - positives;
        if (positives < 2 || negatives < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 rows of each class, got "
                    + positives + " positive and " + negatives + " negative");
        }
        int k = Math.max(2, Math.min(folds, Math.min(positives, negatives)));
        Random random = new Random(seed);
        int[] fold = new int[y.length];
        for (boolean cls : new boolean[] {true, false}) {
            int[] rows = java.util.stream.IntStream.range(0, y.length).filter(i -> y[i] == cls).toArray();
            for (int i = rows.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = rows[i];
                rows[i] = rows[j];
                rows[j] = t;
            }
            for (int i = 0; i < rows.length; i++) {
                fold[rows[i]] = i % k;
            }
        }
        return fold;
    }

    /** Trains liblinear on the given rows; {@code initial} (L2 only) is a starting point in liblinear's sign convention. */
    private static de.bwaldvogel.liblinear.Model train(SparseRows x, boolean[] y, int[] rows, Penalty penalty, double c,
            double[] initial) {
        int positives = 0;
        for (int i : rows) {
            if (y[i]) {
                positives++;
            }
        }
        int negatives = rows.length - positives;
        if (positives == 0 || negatives == 0) {
            throw new IllegalArgumentException("logistic regression needs both classes, got "
                    + positives + " positive and " + negatives + " negative rows");
        }

        // liblinear's features are 1-based; the bias is one more feature, at index columns + 1, whose
        // value (prob.bias = 1) is appended to every row by us, not by liblinear.
        Problem problem = new Problem();
        problem.l = rows.length;
        problem.n = x.columns() + 1;
        problem.bias = 1;
        problem.x = new Feature[rows.length][];
        problem.y = new double[rows.length];
        for (int r = 0; r < rows.length; r++) {
            int i = rows[r];
            int[] index = x.index()[i];
            double[] value = x.value()[i];
            Feature[] row = new Feature[index.length + 1];
            for (int k = 0; k < index.length; k++) {
                row[k] = new FeatureNode(index[k] + 1, value[k]);
            }
            row[index.length] = new FeatureNode(x.columns() + 1, problem.bias);
            problem.x[r] = row;
            problem.y[r] = y[i] ? POSITIVE : NEGATIVE;
        }

        Parameter parameter = new Parameter(penalty == Penalty.L2 ? SolverType.L2R_LR : SolverType.L1R_LR, c,
                penalty == Penalty.L2 ? L2_EPS : L1_EPS);
        parameter.setMaxIters(MAX_ITERATIONS);
        // liblinear multiplies C by a class's weight: n / (2 * n_class) gives each class half the loss.
        parameter.setWeights(new double[] {rows.length / (2.0 * positives), rows.length / (2.0 * negatives)},
                new int[] {POSITIVE, NEGATIVE});
        // Leave the intercept unpenalised (liblinear's -R; it requires bias == 1, set above).
        parameter.setRegularizeBias(false);
        // Since liblinear-java 2.43 each Parameter carries its own Random (Linear.resetRandom() is a
        // deprecated no-op); a fresh one per fit makes the L1 solver's coordinate order repeatable.
        parameter.setRandom(new Random(SOLVER_SEED));
        if (initial != null) {
            parameter.setInitSol(initial);
        }
        Linear.disableDebugOutput();
        return Linear.train(problem, parameter);
    }

    /**
     * liblinear's two-class weights score its first label, which is whichever label it met first in
     * the training rows; flip the sign when that was the negative class.
     */
    private static Model toModel(de.bwaldvogel.liblinear.Model fitted, int columns) {
        double sign = fitted.getLabels()[0] == POSITIVE ? 1 : -1;
        double[] w = fitted.getFeatureWeights();
        double[] weights = new double[columns];
        for (int j = 0; j < columns; j++) {
            weights[j] = sign * w[j] + 0.0; // + 0.0 turns -0.0 into 0.0
        }
        return new Model(weights, sign * w[columns] * fitted.getBias() + 0.0);
    }

    private static int indexOf(double[] grid, double c) {
        for (int i = 0; i < grid.length; i++) {
            if (grid[i] == c) {
                return i;
            }
        }
        throw new IllegalStateException();
    }
}
