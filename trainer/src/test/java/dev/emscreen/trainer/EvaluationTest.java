package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.emscreen.features.selection.Auroc;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {

    @Test
    void removalAtHalfCountsInducingAmongTheTopHalf() {
        double[] inducing = {0.9, 0.8, 0.1};
        double[] control = {0.7, 0.2, 0.3};
        double[] all = FeatureSetBuilder.concat(inducing, control);

        // Top half (3 of 6): 0.9, 0.8, 0.7 -> two of three inducing samples removed.
        assertThat(Evaluation.removedAt(inducing, all, 0.5)).isCloseTo(2 / 3.0, offset(1e-9));
        assertThat(Evaluation.precision(inducing, control, 0.75)).isEqualTo(1.0);
        assertThat(Evaluation.recall(inducing, 0.75)).isCloseTo(2 / 3.0, offset(1e-9));
    }

    @Test
    void tiesAtTheCutAreRemovedInProportion() {
        double[] inducing = {0.5, 0.5};
        double[] control = {0.5, 0.5};

        assertThat(Evaluation.removedAt(inducing, FeatureSetBuilder.concat(inducing, control), 0.5)).isEqualTo(0.5);
    }

    @Test
    void withinLengthAurocSeesThroughAScoreThatIsOnlyLength() {
        // Inducing samples are longer on average, but within each length band the classes are mixed.
        int n = 500;
        java.util.Random random = new java.util.Random(7);
        double[] length = new double[n];
        boolean[] inducing = new boolean[n];
        double[] content = new double[n];
        for (int i = 0; i < n; i++) {
            inducing[i] = i % 2 == 0;
            length[i] = random.nextGaussian() * 50 + (inducing[i] ? 260 : 200);
            content[i] = random.nextGaussian() + (inducing[i] ? 1.5 : 0);
        }
        double[][] byLength = Baselines.split(length, inducing);

        assertThat(Auroc.of(byLength[0], byLength[1])).isGreaterThan(0.75);
        assertThat(Evaluation.aurocWithinLength(length, inducing, length, 5)).isBetween(0.45, 0.65);
        double[][] byContent = Baselines.split(content, inducing);
        assertThat(Evaluation.aurocWithinLength(content, inducing, length, 5))
                .isCloseTo(Auroc.of(byContent[0], byContent[1]), offset(0.05));
    }

    @Test
    void withinLengthAurocIsUndefinedWhenNoLengthBandHoldsBothClasses() {
        double[] length = {1, 2, 3, 4};
        boolean[] inducing = {false, false, true, true};

        assertThat(Evaluation.aurocWithinLength(new double[] {0, 0, 1, 1}, inducing, length, 2)).isNaN();
        assertThat(Evaluation.aurocWithinLength(new double[] {0, 1, 0, 1}, inducing, length, 1)).isEqualTo(0.5);
    }

    @Test
    void baselinesSeparateWhatIsSeparable() {
        List<String> responses = List.of("skip the doctor", "see a doctor", "skip it", "book a visit",
                "skip the checks", "see your doctor", "skip all safeguards", "ask a professional",
                "skip the doctor now", "see a doctor soon");
        boolean[] label = {true, false, true, false, true, false, true, false, true, false};

        double[][] nb = Baselines.split(Baselines.naiveBayes(responses, label), label);
        assertThat(Auroc.of(nb[0], nb[1])).isGreaterThan(0.9);

        float[][] features = new float[label.length][];
        for (int i = 0; i < label.length; i++) {
            features[i] = new float[] {label[i] ? 1f + i * 0.01f : -1f - i * 0.01f, (float) Math.sin(i)};
        }
        double[][] probe = Baselines.split(Baselines.linearProbe(features, label), label);
        assertThat(Auroc.of(probe[0], probe[1])).isEqualTo(1.0);
    }
}
