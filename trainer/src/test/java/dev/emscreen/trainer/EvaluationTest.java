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
