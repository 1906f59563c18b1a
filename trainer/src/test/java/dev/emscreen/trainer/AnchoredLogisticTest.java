package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The readout's last stage: pulled towards its prior and, while labels are few, no weight below zero.
 * A column the labels read backwards gets weight zero under the bound, not a negative one; where the
 * unbounded optimum is already non-negative the bound changes nothing; and with many labels (no
 * bound) a negative weight stays possible.
 */
class AnchoredLogisticTest {

    private static final double[] PRIOR = {1, 0, 0};

    @Test
    void givenAColumnThatSeparatesBackwardsThenItsWeightIsZeroAndTheOthersAreOptimalGivenThat() {
        Given given = given(new double[] {1.0, 0.5, -1.5}, 11);

        double[] theta = AnchoredLogistic.fit(given.x, given.y, PRIOR, 0.1, true);

        assertThat(theta[2]).isZero();
        assertThat(theta[0]).isPositive();
        assertThat(theta[1]).isPositive();
        // Optimal under the bound (KKT): no gradient along a free weight or the intercept, and the
        // gradient at the zero weight points below zero, where the bound forbids going.
        double[] gradient = gradient(given, theta, 0.1);
        assertThat(gradient[0]).isCloseTo(0, offset(1e-6));
        assertThat(gradient[1]).isCloseTo(0, offset(1e-6));
        assertThat(gradient[3]).isCloseTo(0, offset(1e-6));
        assertThat(gradient[2]).isPositive();
    }

    @Test
    void givenNoBoundThenAColumnThatSeparatesBackwardsGetsANegativeWeightAtTheOptimum() {
        Given given = given(new double[] {1.0, 0.5, -1.5}, 11);

        double[] theta = AnchoredLogistic.fit(given.x, given.y, PRIOR, 0.1, false);

        assertThat(theta[2]).isNegative();
        for (double g : gradient(given, theta, 0.1)) {
            assertThat(g).isCloseTo(0, offset(1e-6));
        }
    }

    @Test
    void givenColumnsThatAllSeparateTheRightWayThenTheBoundedFitIsTheUnboundedOptimum() {
        Given given = given(new double[] {1.0, 0.5, 0.8}, 12);

        double[] bounded = AnchoredLogistic.fit(given.x, given.y, PRIOR, 0.1, true);
        double[] free = AnchoredLogistic.fit(given.x, given.y, PRIOR, 0.1, false);

        assertThat(bounded[0]).isPositive();
        assertThat(bounded[1]).isPositive();
        assertThat(bounded[2]).isPositive();
        for (double g : gradient(given, bounded, 0.1)) {
            assertThat(g).isCloseTo(0, offset(1e-6));
        }
        for (int j = 0; j < bounded.length; j++) {
            assertThat(bounded[j]).isCloseTo(free[j], offset(1e-9));
        }
    }

    @Test
    void theBoundHoldsOnlyWhileEitherClassHasFewerThanFiftyLabels() {
        assertThat(ReadoutFit.nonNegative(labels(16, 16))).isTrue();
        assertThat(ReadoutFit.nonNegative(labels(49, 400))).isTrue();
        assertThat(ReadoutFit.nonNegative(labels(50, 50))).isFalse();
        assertThat(ReadoutFit.nonNegative(labels(1800, 1800))).isFalse();
    }

    private static boolean[] labels(int inducing, int control) {
        boolean[] y = new boolean[inducing + control];
        java.util.Arrays.fill(y, 0, inducing, true);
        return y;
    }

    @Test
    void givenAStrongPullThenTheWeightsStayNearThePrior() {
        Given given = given(new double[] {0.2, 1.5, 0}, 13);

        double[] theta = AnchoredLogistic.fit(given.x, given.y, PRIOR, 1e4, true);

        assertThat(theta[0]).isCloseTo(1, offset(0.05));
        assertThat(theta[1]).isCloseTo(0, offset(0.05));
    }

    private record Given(double[][] x, boolean[] y) {
    }

    /** 200 rows, half inducing; column j shifted by {@code shift[j]} on the inducing rows. */
    private static Given given(double[] shift, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[200][shift.length];
        boolean[] y = new boolean[200];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0;
            for (int j = 0; j < shift.length; j++) {
                x[i][j] = random.nextGaussian() + (y[i] ? shift[j] : 0);
            }
        }
        return new Given(x, y);
    }

    /** The objective's gradient (balanced classes, as the solver weighs them): weights, then the intercept. */
    private static double[] gradient(Given given, double[] theta, double lambda) {
        int d = PRIOR.length;
        int positives = 0;
        for (boolean b : given.y) {
            positives += b ? 1 : 0;
        }
        double kPos = given.y.length / (2.0 * positives);
        double kNeg = given.y.length / (2.0 * (given.y.length - positives));
        double[] g = new double[d + 1];
        for (int i = 0; i < given.y.length; i++) {
            double z = theta[d];
            for (int j = 0; j < d; j++) {
                z += theta[j] * given.x[i][j];
            }
            double r = (given.y[i] ? kPos : kNeg) * (1 / (1 + Math.exp(-z)) - (given.y[i] ? 1 : 0));
            for (int j = 0; j < d; j++) {
                g[j] += r * given.x[i][j];
            }
            g[d] += r;
        }
        for (int j = 0; j < d; j++) {
            g[j] += lambda * (theta[j] - PRIOR[j]);
        }
        return g;
    }
}
