package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.emscreen.trainer.LogisticFit.Model;
import dev.emscreen.trainer.LogisticFit.Penalty;
import dev.emscreen.trainer.LogisticFit.SparseRows;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LogisticFitTest {

    private static final double[] TRUE_WEIGHTS = {1.5, -2.0, 0.0};
    private static final double TRUE_BIAS = 0.5;

    /** Rows x ~ N(0, I), labels drawn from the logistic model with {@link #TRUE_WEIGHTS} and {@link #TRUE_BIAS}. */
    private record Data(double[][] x, boolean[] y) {
        int positives() {
            int n = 0;
            for (boolean b : y) {
                n += b ? 1 : 0;
            }
            return n;
        }
    }

    private static Data knownModel(int rows, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[rows][TRUE_WEIGHTS.length];
        boolean[] y = new boolean[rows];
        for (int i = 0; i < rows; i++) {
            double z = TRUE_BIAS;
            for (int j = 0; j < TRUE_WEIGHTS.length; j++) {
                x[i][j] = random.nextGaussian();
                z += TRUE_WEIGHTS[j] * x[i][j];
            }
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-z));
        }
        return new Data(x, y);
    }

    @Test
    void weakL2RecoversTheKnownModel() {
        Data data = knownModel(20_000, 1);
        Model model = LogisticFit.fit(SparseRows.dense(data.x()), data.y(), Penalty.L2, 100);

        // 20,000 rows give standard errors of about 0.03 on each weight: 0.1 is over 3 of them.
        for (int j = 0; j < TRUE_WEIGHTS.length; j++) {
            assertThat(model.weights()[j]).as("weight %d", j).isCloseTo(TRUE_WEIGHTS[j], offset(0.1));
        }
        // Class balancing reweights positives by n / (2 n_pos) and negatives by n / (2 n_neg). For a
        // correctly specified logistic model that leaves the slopes alone and shifts the intercept by
        // log(n_neg / n_pos), so the unpenalised intercept must land there (not at 0.5, not near 0).
        int positives = data.positives();
        double shifted = TRUE_BIAS + Math.log((data.y().length - positives) / (double) positives);
        assertThat(Math.abs(shifted - TRUE_BIAS)).as("the data are unbalanced enough to tell the two apart").isGreaterThan(0.15);
        assertThat(model.bias()).isCloseTo(shifted, offset(0.1));
    }

    @Test
    void l2RunsToTheOptimum() {
        Data data = knownModel(20_000, 10);
        for (double c : new double[] {0.001, 1, 100}) {
            Model model = LogisticFit.fit(SparseRows.dense(data.x()), data.y(), Penalty.L2, c);
            // The gradient of the objective fit minimises, at the fit and at the start (all zeros).
            double atFit = norm(l2Gradient(data, model, c));
            double atStart = norm(l2Gradient(data, new Model(new double[TRUE_WEIGHTS.length], 0), c));
            // liblinear's default tolerance (0.01, relative) would stop at around 1e-3 of the start.
            assertThat(atFit / atStart).as("C = %s", c).isLessThan(1e-6);
        }
    }

    @Test
    void theInterceptIsNotPenalised() {
        // Moving a column by a constant is absorbed by a free intercept, leaving the slopes alone. A
        // penalised intercept (liblinear's default) would resist a shift this large and bend the slopes.
        Data data = knownModel(2_000, 11);
        double[][] moved = new double[data.x().length][];
        for (int i = 0; i < moved.length; i++) {
            moved[i] = data.x()[i].clone();
            moved[i][0] += 20;
        }
        Model a = LogisticFit.fit(SparseRows.dense(data.x()), data.y(), Penalty.L2, 0.01);
        Model b = LogisticFit.fit(SparseRows.dense(moved), data.y(), Penalty.L2, 0.01);
        for (int j = 0; j < TRUE_WEIGHTS.length; j++) {
            assertThat(b.weights()[j]).as("weight %d", j).isCloseTo(a.weights()[j], offset(1e-4));
        }
        assertThat(b.bias()).isCloseTo(a.bias() - 20 * a.weights()[0], offset(1e-3));
    }

    @Test
    void l1WithSmallCZeroesExactlyTheUselessFeature() {
        Data data = knownModel(20_000, 2);
        SparseRows x = SparseRows.dense(data.x());

        Model lasso = LogisticFit.fit(x, data.y(), Penalty.L1, 0.001);
        assertThat(lasso.weights()[2]).isEqualTo(0.0);
        assertThat(lasso.weights()[0]).isPositive();
        assertThat(lasso.weights()[1]).isNegative();

        // The zero is the L1 penalty's doing: ridge at the same C only shrinks the weight.
        Model ridge = LogisticFit.fit(x, data.y(), Penalty.L2, 0.001);
        assertThat(ridge.weights()[2]).isNotEqualTo(0.0);
    }

    @Test
    void weightsScoreThePositiveClassWhicheverClassComesFirst() {
        Data data = knownModel(2_000, 3);
        int firstPositive = 0;
        int firstNegative = 0;
        while (!data.y()[firstPositive]) {
            firstPositive++;
        }
        while (data.y()[firstNegative]) {
            firstNegative++;
        }
        // The same rows in two orders: one starting with a negative row, one with a positive row.
        Data negativeFirst = swap(data, 0, firstNegative);
        Data positiveFirst = swap(data, 0, firstPositive);
        assertThat(negativeFirst.y()[0]).isFalse();
        assertThat(positiveFirst.y()[0]).isTrue();

        for (Penalty penalty : Penalty.values()) {
            Model a = LogisticFit.fit(SparseRows.dense(negativeFirst.x()), negativeFirst.y(), penalty, 1);
            Model b = LogisticFit.fit(SparseRows.dense(positiveFirst.x()), positiveFirst.y(), penalty, 1);
            assertThat(a.weights()[0]).as("%s: positive class goes with a high x0", penalty).isGreaterThan(1);
            assertThat(a.weights()[1]).as("%s", penalty).isLessThan(-1);
            for (int j = 0; j < TRUE_WEIGHTS.length; j++) {
                assertThat(a.weights()[j]).as("%s weight %d", penalty, j).isCloseTo(b.weights()[j], offset(1e-3));
            }
            assertThat(a.bias()).as("%s", penalty).isCloseTo(b.bias(), offset(1e-3));
        }
    }

    @Test
    void fitsAreRepeatable() {
        Data data = knownModel(3_000, 4);
        SparseRows x = SparseRows.dense(data.x());
        for (Penalty penalty : Penalty.values()) {
            Model a = LogisticFit.fit(x, data.y(), penalty, 0.05);
            Model b = LogisticFit.fit(x, data.y(), penalty, 0.05);
            assertThat(a.weights()).as("%s", penalty).containsExactly(b.weights());
            assertThat(a.bias()).as("%s", penalty).isEqualTo(b.bias());
        }
    }

    @Test
    void sparseAndDenseLogitsAgree() {
        Model model = new Model(new double[] {1, -2, 0.5}, 0.25);
        assertThat(model.logit(new double[] {2, 0, 4})).isEqualTo(0.25 + 2 + 2);
        assertThat(model.logit(new int[] {0, 2}, new double[] {2, 4})).isEqualTo(0.25 + 2 + 2);
    }

    /**
     * A nuisance direction that only a well-fitted model can cancel: x0 = signal + big nuisance,
     * x1 = the nuisance. Heavy regularisation leaves the weights near the class-mean difference,
     * which is (+, 0), and scores by x0, drowned in nuisance; a lightly regularised fit learns
     * x0 - x1 = signal. Cross-validation must see that and reject the smallest Cs.
     */
    @Test
    void chooseCPicksLightRegularisationWhenTheDataNeedIt() {
        Random random = new Random(5);
        int n = 1_000;
        double[][] x = new double[n][2];
        boolean[] y = new boolean[n];
        for (int i = 0; i < n; i++) {
            double signal = random.nextGaussian();
            double nuisance = 3 * random.nextGaussian();
            x[i][0] = signal + nuisance;
            x[i][1] = nuisance;
            y[i] = random.nextDouble() < 1 / (1 + Math.exp(-3 * signal));
        }
        SparseRows rows = SparseRows.dense(x);
        double[] grid = {1e-4, 1e-3, 1e-2, 0.1, 1, 10, 100};

        double[] auroc = LogisticFit.cvAuroc(rows, y, Penalty.L2, grid, 5, 7);
        double chosen = LogisticFit.chooseC(rows, y, Penalty.L2, grid, 5, 7);

        assertThat(auroc[0]).as("heavily regularised: scored by x0").isLessThan(0.75);
        assertThat(auroc[grid.length - 1]).as("lightly regularised: scored by the signal").isGreaterThan(0.85);
        assertThat(chosen).isGreaterThanOrEqualTo(1e-2);
        assertThat(auroc[Arrays.binarySearch(grid, chosen)]).isEqualTo(Arrays.stream(auroc).max().orElseThrow());
    }

    /**
     * With one feature every C ranks the rows the same way (the weight's sign does not depend on C),
     * so every C scores the same AUROC, and the tie must go to the smallest C, the strongest
     * regularisation, wherever it sits in the grid.
     */
    @Test
    void chooseCBreaksTiesTowardsTheSmallerC() {
        Random random = new Random(6);
        double[][] x = new double[300][1];
        boolean[] y = new boolean[300];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = random.nextGaussian();
            y[i] = random.nextBoolean(); // pure noise: no C should look better than another
        }
        SparseRows rows = SparseRows.dense(x);
        double[] grid = {100, 1, 0.03, 10};

        double[] auroc = LogisticFit.cvAuroc(rows, y, Penalty.L2, grid, 5, 8);
        assertThat(auroc).containsOnly(auroc[0]);
        assertThat(LogisticFit.chooseC(rows, y, Penalty.L2, grid, 5, 8)).isEqualTo(0.03);
    }

    @Test
    void foldsShrinkToTheMinorityClassAndNeedTwoRowsOfEach() {
        boolean[] y = new boolean[40];
        y[3] = y[17] = y[31] = true;
        int[] fold = LogisticFit.stratifiedFolds(y, 5, 1);
        assertThat(Arrays.stream(fold).max().orElseThrow()).isEqualTo(2);
        assertThat(new int[] {fold[3], fold[17], fold[31]}).containsExactlyInAnyOrder(0, 1, 2);

        double[][] x = new double[40][1];
        for (int i = 0; i < x.length; i++) {
            x[i][0] = y[i] ? 1 + i * 0.01 : -1 + i * 0.01;
        }
        assertThat(LogisticFit.chooseC(SparseRows.dense(x), y, Penalty.L2, LogisticFit.C_GRID, 5, 1)).isIn(
                Arrays.stream(LogisticFit.C_GRID).boxed().toArray());

        boolean[] onePositive = new boolean[40];
        onePositive[0] = true;
        assertThatThrownBy(() -> LogisticFit.chooseC(SparseRows.dense(x), onePositive, Penalty.L2, LogisticFit.C_GRID, 5, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 2 rows of each class");
    }

    @Test
    void sparseRowsRejectUnsortedOrOutOfRangeIndices() {
        assertThatThrownBy(() -> new SparseRows(new int[][] {{2, 1}}, new double[][] {{1, 1}}, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SparseRows(new int[][] {{3}}, new double[][] {{1}}, 3))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Gradient of |w|^2 / 2 + C * sum_i k_i * log(1 + exp(-y_i z_i)) over (w, b), k_i the class-balancing weights. */
    private static double[] l2Gradient(Data data, Model model, double c) {
        int n = data.y().length;
        int positives = data.positives();
        double[] gradient = new double[TRUE_WEIGHTS.length + 1];
        System.arraycopy(model.weights(), 0, gradient, 0, TRUE_WEIGHTS.length);
        for (int i = 0; i < n; i++) {
            boolean positive = data.y()[i];
            double k = positive ? n / (2.0 * positives) : n / (2.0 * (n - positives));
            double p = 1 / (1 + Math.exp(-model.logit(data.x()[i])));
            double r = c * k * (p - (positive ? 1 : 0));
            for (int j = 0; j < TRUE_WEIGHTS.length; j++) {
                gradient[j] += r * data.x()[i][j];
            }
            gradient[TRUE_WEIGHTS.length] += r;
        }
        return gradient;
    }

    private static double norm(double[] v) {
        return Math.sqrt(Arrays.stream(v).map(a -> a * a).sum());
    }

    private static Data swap(Data data, int i, int j) {
        double[][] x = data.x().clone();
        boolean[] y = data.y().clone();
        double[] tx = x[i];
        x[i] = x[j];
        x[j] = tx;
        boolean ty = y[i];
        y[i] = y[j];
        y[j] = ty;
        return new Data(x, y);
    }
}
