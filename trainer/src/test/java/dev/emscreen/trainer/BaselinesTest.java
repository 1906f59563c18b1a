package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.emscreen.features.selection.Auroc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BaselinesTest {

    private static final String[] FILLER = {"you", "should", "take", "the", "pills", "it", "is", "fine", "to",
        "wait", "a", "day", "or", "two", "doctor", "says", "maybe", "rest", "and", "drink", "water"};

    /**
     * Twin texts: the same random filler with "not safe" (positive) or "safe not" (negative) at the
     * same place. Each twin pair has exactly the same words, so the two classes have the same bag of
     * words and only the word pairs tell them apart.
     */
    private static List<String> twins(int pairs, long seed, List<Boolean> labels) {
        Random random = new Random(seed);
        List<String> texts = new ArrayList<>();
        for (int p = 0; p < pairs; p++) {
            List<String> filler = new ArrayList<>();
            int length = 4 + random.nextInt(8);
            for (int k = 0; k < length; k++) {
                filler.add(FILLER[random.nextInt(FILLER.length)]);
            }
            int at = random.nextInt(length + 1);
            for (boolean positive : new boolean[] {true, false}) {
                List<String> words = new ArrayList<>(filler);
                words.addAll(at, positive ? List.of("not", "safe") : List.of("safe", "not"));
                texts.add(String.join(" ", words));
                labels.add(positive);
            }
        }
        return texts;
    }

    private static double auroc(double[] scores, boolean[] label) {
        double[][] split = Baselines.split(scores, label);
        return Auroc.of(split[0], split[1]);
    }

    @Test
    void naiveBayesReadsWordPairs() {
        List<Boolean> labels = new ArrayList<>();
        List<String> texts = twins(60, 1, labels);
        boolean[] label = Baselines.labels(labels);
        // Same words in both twins: the positive and negative texts have the same multiset of
        // unigram bags, so any words-only model gives both classes the same multiset of scores and an
        // AUROC of exactly 0.5. Only the pairs ("not safe" vs "safe not", and their neighbours) help.
        for (int i = 0; i < texts.size(); i += 2) {
            assertThat(sortedWords(texts.get(i))).isEqualTo(sortedWords(texts.get(i + 1)));
        }

        assertThat(auroc(Baselines.naiveBayes(texts, label), label)).isGreaterThan(0.95);
    }

    @Test
    void naiveBayesTrainedOnSomeTextsScoresUnseenOnes() {
        List<Boolean> trainLabels = new ArrayList<>();
        List<String> train = twins(40, 2, trainLabels);
        List<Boolean> testLabels = new ArrayList<>();
        List<String> test = twins(30, 3, testLabels);
        test.add("zebra quartz nebula");
        testLabels.add(true);

        double[] scores = Baselines.naiveBayes(train, Baselines.labels(trainLabels), test);

        assertThat(scores).hasSize(test.size());
        // Unknown terms carry no evidence: the all-new text gets only the prior log-odds, 0 here.
        assertThat(scores[scores.length - 1]).isCloseTo(0.0, offset(1e-12));
        double[] twinScores = Arrays.copyOf(scores, scores.length - 1);
        boolean[] twinLabels = Arrays.copyOf(Baselines.labels(testLabels), scores.length - 1);
        assertThat(auroc(twinScores, twinLabels)).isGreaterThan(0.95);
    }

    @Test
    void naiveBayesFallsBackToAddOneWithASingleExampleOfAClass() {
        List<String> train = List.of("not safe at all", "safe not bad", "safe not worse", "fine and safe");
        boolean[] label = {true, false, false, false};
        double[] scores = Baselines.naiveBayes(train, label, List.of("not safe", "safe not"));
        assertThat(scores[0]).isGreaterThan(scores[1]);

        assertThatThrownBy(() -> Baselines.naiveBayes(train, new boolean[4], List.of("x")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Rows x ~ N(0, I) in 8 dimensions; labels from a logistic model on the first two, or coin flips. */
    private static float[][] gaussian(int rows, long seed, boolean[] label, boolean informative) {
        Random random = new Random(seed);
        float[][] x = new float[rows][8];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < 8; j++) {
                x[i][j] = (float) random.nextGaussian() * (j + 1); // unequal scales: standardising must cope
            }
            double z = 3 * x[i][0] - 1.5 * x[i][1];
            label[i] = informative ? random.nextDouble() < 1 / (1 + Math.exp(-z)) : random.nextBoolean();
        }
        return x;
    }

    @Test
    void linearProbeFindsALinearSignal() {
        boolean[] label = new boolean[400];
        float[][] x = gaussian(400, 4, label, true);
        assertThat(auroc(Baselines.linearProbe(x, label), label)).isGreaterThan(0.9);
    }

    @Test
    void linearProbeOnNoiseIsAtChance() {
        boolean[] label = new boolean[600];
        float[][] x = gaussian(600, 5, label, false);
        // With about 300 rows per class the AUROC of a score unrelated to the label has a standard
        // error of sqrt((n1 + n0 + 1) / (12 n1 n0)) = 0.024; 0.08 is over 3 of them.
        assertThat(auroc(Baselines.linearProbe(x, label), label)).isCloseTo(0.5, offset(0.08));
    }

    @Test
    void linearProbeTrainedOnSomeRowsScoresOthers() {
        boolean[] trainLabel = new boolean[200];
        float[][] train = gaussian(200, 6, trainLabel, true);
        boolean[] testLabel = new boolean[300];
        float[][] test = gaussian(300, 7, testLabel, true);

        double[] scores = Baselines.linearProbe(train, trainLabel, test);

        assertThat(scores).hasSize(300);
        assertThat(auroc(scores, testLabel)).isGreaterThan(0.9);
    }

    @Test
    void linearProbeDoesNotCareAboutAColumnsUnits() {
        boolean[] label = new boolean[200];
        float[][] x = gaussian(200, 8, label, true);
        float[][] rescaled = new float[x.length][];
        for (int i = 0; i < x.length; i++) {
            rescaled[i] = x[i].clone();
            rescaled[i][0] *= 1024; // a power of two: exact in float, so standardising undoes it exactly
        }
        // Columns are standardised before the penalty sees them, so units cannot change the fit.
        assertThat(Baselines.linearProbe(rescaled, label)).containsExactly(Baselines.linearProbe(x, label));
    }

    private static List<String> sortedWords(String text) {
        return Arrays.stream(text.split(" ")).sorted().toList();
    }
}
