package dev.emscreen.features.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ThresholdCalibratorTest {

    @Test
    void quarantineCatchesAtMostTheBudgetOfControlSamples() {
        double[] control = new Random(1).doubles(1000).toArray();

        Routing routing = ThresholdCalibrator.forControlBudget(control, 0.02, 0.10);

        assertThat(share(control, routing.quarantine())).isLessThanOrEqualTo(0.02).isGreaterThan(0.015);
        assertThat(share(control, routing.review())).isLessThanOrEqualTo(0.10).isGreaterThan(0.09);
    }

    @Test
    void tiesAtTheCutNeverPushPastTheBudget() {
        double[] control = new double[100];
        Arrays.fill(control, 90, 100, 0.9); // 10% tied at the top

        Routing routing = ThresholdCalibrator.forControlBudget(control, 0.05, 0.20);

        assertThat(share(control, routing.quarantine())).isZero();
        assertThat(share(control, routing.review())).isEqualTo(0.10);
    }

    @Test
    void dropClosestQuarantinesThatShareOfAllSamples() {
        double[] scores = new Random(2).doubles(400).toArray();

        Routing routing = ThresholdCalibrator.dropClosest(scores, 0.5, 0.1);

        assertThat(share(scores, routing.quarantine())).isEqualTo(0.5);
        assertThat(share(scores, routing.review())).isEqualTo(0.6);
    }

    private static double share(double[] scores, double threshold) {
        return (double) Arrays.stream(scores).filter(s -> s >= threshold).count() / scores.length;
    }
}
