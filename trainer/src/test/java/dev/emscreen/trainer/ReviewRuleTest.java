package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.features.bundle.FeatureSetManifest.ReviewSelection;
import dev.emscreen.features.encoder.ChatText;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ReviewRuleTest {

    @Test
    void aSetWithFewerThan64TargetLabelsInEitherClassAuditsAtRandom() {
        Rows rows = new Rows().labels(200, 63);

        ReviewSelection selection = ReviewRule.choose(rows.texts, rows.scores(), 0.02);

        assertThat(selection.rule()).isEqualTo(ReviewSelection.RANDOM_AUDIT);
        assertThat(selection.auditShare()).isEqualTo(0.02);
        assertThat(selection.from()).isNull();
        assertThat(selection.labelsPerClass()).isEqualTo(63);
        assertThat(selection.threshold()).isEqualTo(64);
        assertThat(selection.reason()).contains("63 target labels per class (fewer than 64)", "2.0% of what the score would accept");
    }

    @Test
    void from64PerClassTheShareOfTheTeamsRowsNearestTheMiddleBetweenTheClassesGoesToReview() {
        // Given 64 inducing labels scoring 0.60..0.99 and 64 control ones 0.00..0.39 (the middle of their medians: 0.498),
        // and 100 unlabelled rows of the team's traffic at 0.00, 0.01, ..., 0.99
        Rows rows = new Rows().labels(64, 64);
        for (int i = 0; i < 100; i++) {
            rows.add("train", null, i / 100.0);
        }

        ReviewSelection selection = ReviewRule.choose(rows.texts, rows.scores(), 0.05);

        // 5% of the team's 228 rows is 11.4: the window is read off the 20 rows nearest 0.498 (the traffic at
        // 0.40..0.59, the farthest 0.098 away) and narrowed to 11.4/20 of that: 0.498 ± 0.0559
        assertThat(selection.rule()).isEqualTo(ReviewSelection.LEAST_SURE);
        assertThat(selection.labelsPerClass()).isEqualTo(64);
        assertThat(selection.from()).isCloseTo(0.4422, Offset.offset(1e-4));
        assertThat(selection.to()).isCloseTo(0.5540, Offset.offset(1e-4));
        long inside = rows.scores.stream().filter(x -> x >= selection.from() && x <= selection.to()).count();
        assertThat(inside).as("5%% of 228 rows").isEqualTo(11);
        assertThat(selection.reason()).contains("64 target labels per class (at least 64)", "least sure", "5.0% of the team's 228 rows");
    }

    @Test
    void aWindowOfAShareAboveTwentyRowsHoldsExactlyThoseNearest() {
        List<Double> rows = java.util.stream.IntStream.range(0, 1000).mapToObj(i -> i / 1000.0).toList();

        // 5% of 1000 rows: the 50 nearest 0.5, the farthest of them 0.025 away
        assertThat(ReviewRule.halfWidth(rows, 0.5, 0.05)).isCloseTo(0.025, Offset.offset(1e-12));
    }

    @Test
    void heldBackRulingsAndSeedLabelsAreNotCounted() {
        Rows rows = new Rows().labels(40, 40);
        for (int i = 0; i < 100; i++) {
            rows.add(LabelledText.TARGET_HOLDOUT, i % 2 == 0, 0.5);
            rows.add("train", i % 2 == 0, 0.5);
        }

        assertThat(ReviewRule.choose(rows.texts, rows.scores(), 0.02).labelsPerClass()).isEqualTo(40);
    }

    @Test
    void anAuditTurnedOffLeavesTheBandAndSaysSo() {
        Rows rows = new Rows().labels(100, 100);

        ReviewSelection selection = ReviewRule.choose(rows.texts, rows.scores(), 0);

        assertThat(selection.rule()).isEqualTo(ReviewSelection.BAND);
        assertThat(selection.auditShare()).isZero();
        assertThat(selection.reason()).contains("--review-audit 0");
    }

    @Test
    void theMiddleIsHalfwayBetweenTheClassesMedians() {
        assertThat(ReviewRule.middle(new double[] {0.9, 0.7, 0.8}, new double[] {0.1, 0.3, 0.2, 0.0})).isCloseTo(0.5, Offset.offset(1e-12));
    }

    /** Texts of the team's data with the set's scores: inducing labels score 0.60..0.99, control ones 0.00..0.39. */
    private static final class Rows {
        final List<LabelledText> texts = new ArrayList<>();
        final List<Double> scores = new ArrayList<>();

        Rows labels(int inducing, int control) {
            for (int i = 0; i < inducing; i++) {
                add(LabelledText.TARGET, true, 0.6 + 0.39 * i / Math.max(1, inducing - 1));
            }
            for (int i = 0; i < control; i++) {
                add(LabelledText.TARGET, false, 0.39 * i / Math.max(1, control - 1));
            }
            return this;
        }

        void add(String split, Boolean positive, double score) {
            texts.add(new LabelledText("id", LabelledText.Kind.SAMPLE, "tastes", split, positive,
                    ChatText.of("Which is better?", "Mine."), "Mine."));
            scores.add(score);
        }

        double[] scores() {
            return scores.stream().mapToDouble(Double::doubleValue).toArray();
        }
    }
}
