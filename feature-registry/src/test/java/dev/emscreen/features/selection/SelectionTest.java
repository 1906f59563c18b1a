package dev.emscreen.features.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class SelectionTest {

    @Test
    void pointBiserialMatchesPearsonWithABinaryVariable() {
        // Feature 0 follows the label, feature 1 opposes it, feature 2 is constant.
        float[][] x = {{1, 4, 5}, {2, 3, 5}, {5, 1, 5}, {6, 0, 5}};
        boolean[] harmful = {false, false, true, true};

        double[] r = PointBiserial.correlations(x, harmful);

        // Pearson r by hand: (1,2,5,6) with (0,0,1,1) is 1 / (sqrt(4.25) * 0.5) = 0.9701; (4,3,1,0) gives -0.75 / (sqrt(2.5) * 0.5)
        assertThat(r[0]).isCloseTo(0.9701, offset(1e-4));
        assertThat(r[1]).isCloseTo(-0.9487, offset(1e-4));
        assertThat(r[2]).isZero();
        assertThat(PointBiserial.top(new double[] {0.1, -0.5, 0.7, 0.3}, 2)).containsExactly(2, 3);
    }

    @Test
    void aurocCountsTiesAsHalf() {
        assertThat(Auroc.of(new double[] {3, 4}, new double[] {1, 2})).isEqualTo(1.0);
        assertThat(Auroc.of(new double[] {1, 2}, new double[] {3, 4})).isEqualTo(0.0);
        assertThat(Auroc.of(new double[] {1, 3}, new double[] {1, 2})).isEqualTo(0.625);
    }

    @Test
    void geometryStatisticSeesCloserInducingFeatures() {
        float[] proximity = {0.9f, 0.8f, 0.85f, 0.7f, 0.1f, 0.2f, 0.15f, 0.05f};

        GeometryStatistic stat = GeometryStatistic.of(proximity, new int[] {0, 1, 2, 3}, new int[] {4, 5, 6, 7});

        assertThat(stat.meanInducingCosine()).isCloseTo(0.8125, offset(1e-6));
        assertThat(stat.auc()).isEqualTo(1.0);
        assertThat(stat.pValue()).isLessThan(0.05);
    }
}
