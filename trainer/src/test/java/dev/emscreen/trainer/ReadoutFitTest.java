package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.features.scoring.Readout;
import dev.emscreen.features.selection.Auroc;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The readout's decoded-activation evidence: a label carried by a small shift of many SAE features
 * along one direction of the encoder's space (no single feature tells, no word does) is what a probe
 * on hidden states finds and a sparse model of a few features misses.
 */
class ReadoutFitTest {

    private static final int FEATURES = 800;
    private static final int DIMENSIONS = 16;

    @Test
    void givenALabelSpreadThinlyOverManyFeaturesThenTheDecodedEvidenceFindsItAndServesItAsFeatureWeights() {
        Random random = new Random(11);
        float[][] directions = unitRows(FEATURES, DIMENSIONS, random);
        float[] towards = unitRows(1, DIMENSIONS, random)[0];
        Synthetic train = synthetic(40, directions, towards, random);
        Synthetic test = synthetic(300, directions, towards, random);

        Readout.Weights withDecoded = ReadoutFit.fit(train.rows(directions), 42);
        Readout.Weights sparseOnly = ReadoutFit.fit(train.rows(new float[FEATURES][DIMENSIONS]), 42);

        double decoded = test.auroc(withDecoded);
        assertThat(decoded).isGreaterThan(0.85);
        assertThat(decoded).isGreaterThan(test.auroc(sparseOnly) + 0.05);
        // Served as one linear form: the decoded evidence reaches (almost) every feature as a weight of its own.
        assertThat(withDecoded.features().size()).isGreaterThan(FEATURES * 9 / 10);
        assertThat(withDecoded.design()).contains("L2 logistic on their decoded sum");
    }

    @Test
    void givenALabelTheSaeDoesNotCarryThenTheHiddenStateModelFindsItAndTheServedScoreIsTheTrainers() {
        // The label shifts the mean hidden state along one direction; the SAE's activations and the words
        // are noise. Only the hidden-state evidence can find it: what the SAE's reconstruction loses.
        Random random = new Random(17);
        float[][] directions = unitRows(FEATURES, DIMENSIONS, random);
        float[] towards = unitRows(1, DIMENSIONS, random)[0];
        Synthetic train = synthetic(40, directions, new float[DIMENSIONS], random);
        Synthetic test = synthetic(300, directions, new float[DIMENSIONS], random);
        float[][] trainHidden = hidden(train.inducing(), towards, random);
        float[][] testHidden = hidden(test.inducing(), towards, random);

        Readout.Weights withHidden = ReadoutFit.fit(train.rows(directions, trainHidden), 42);
        Readout.Weights without = ReadoutFit.fit(train.rows(directions), 42);

        double auroc = test.auroc(withHidden, testHidden);
        assertThat(auroc).isGreaterThan(0.8);
        assertThat(auroc).isGreaterThan(test.auroc(without, null) + 0.2);
        assertThat(withHidden.hidden()).hasSize(DIMENSIONS);
        assertThat(without.hidden()).isNull();
        assertThat(withHidden.design()).contains("L2 logistic on the mean response hidden states");
        // Served by Readout from the same weights: the same logit the trainer chose and calibrated by.
        var geometry = dev.emscreen.features.scoring.FeatureGeometry.of(directions,
                List.of(new dev.emscreen.features.scoring.FeatureGeometry.ToxicFeature(0, 1, "toxic")));
        var geometric = new dev.emscreen.features.scoring.Score(0.5, 0, 0, 0, List.of(), List.of());
        for (int i = 0; i < 5; i++) {
            var served = Readout.of(withHidden, FEATURES, DIMENSIONS).score(geometric, test.pooled()[i], testHidden[i],
                    String.join(" ", test.terms().get(i)), geometry, 3);
            double trainers = ReadoutFit.logit(withHidden, test.pooled()[i], new double[3],
                    dev.emscreen.features.lexical.ResponseWords.terms(String.join(" ", test.terms().get(i))), testHidden[i]);
            assertThat(Math.log(served.value() / (1 - served.value()))).isCloseTo(trainers, org.assertj.core.data.Offset.offset(1e-6));
        }
    }

    @Test
    void givenHiddenStateEvidenceThenThePriorWeighsItBesideWordsAndDecodedActivations() {
        Random random = new Random(7);
        boolean[] y = new boolean[400];
        double[][] z = new double[400][ReadoutFit.INPUTS + 1];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0;
            for (int j = 0; j < z[i].length; j++) {
                z[i][j] = random.nextGaussian();
            }
            z[i][0] += y[i] ? 0.5 : 0;
            z[i][2] += y[i] ? 0.5 : 0;
            z[i][ReadoutFit.HIDDEN] += y[i] ? 2 : 0;
        }

        double[] prior = ReadoutFit.prior(z, y);

        assertThat(prior).hasSize(ReadoutFit.INPUTS + 1);
        assertThat(Math.sqrt(prior[0] * prior[0] + prior[2] * prior[2] + prior[ReadoutFit.HIDDEN] * prior[ReadoutFit.HIDDEN]))
                .isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prior[ReadoutFit.HIDDEN]).isGreaterThan(2 * prior[0]).isGreaterThan(2 * prior[2]);
        assertThat(prior[0]).isPositive();
    }

    @Test
    void givenHiddenStatesThatSayWhatTheDecodedActivationsSayThenWordsKeepTheirShareOfThePrior() {
        // The two read the same states: the same evidence twice must not outvote words.
        Random random = new Random(9);
        boolean[] y = new boolean[400];
        double[][] six = new double[400][ReadoutFit.INPUTS];
        double[][] seven = new double[400][];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0;
            for (int j = 0; j < ReadoutFit.INPUTS; j++) {
                six[i][j] = random.nextGaussian();
            }
            six[i][0] += y[i] ? 1 : 0;
            six[i][2] += y[i] ? 1 : 0;
            seven[i] = java.util.Arrays.copyOf(six[i], ReadoutFit.INPUTS + 1);
            seven[i][ReadoutFit.HIDDEN] = six[i][2];
        }

        double[] without = ReadoutFit.prior(six, y);
        double[] with = ReadoutFit.prior(seven, y);

        assertThat((with[2] + with[ReadoutFit.HIDDEN]) / with[0]).isCloseTo(without[2] / without[0], org.assertj.core.data.Offset.offset(1e-9));
        assertThat(with[2]).isCloseTo(with[ReadoutFit.HIDDEN], org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void givenOutOfFoldEvidenceThenThePriorWeighsWordsAndDecodedActivationsByHowWellEachSeparated() {
        Random random = new Random(5);
        boolean[] y = new boolean[400];
        double[][] z = new double[400][ReadoutFit.INPUTS];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0;
            for (int j = 0; j < ReadoutFit.INPUTS; j++) {
                z[i][j] = random.nextGaussian();
            }
            z[i][0] += y[i] ? 0.5 : 0;   // words: some separation
            z[i][1] += y[i] ? 3 : 0;     // the sparse model: not part of the prior, however strong
            z[i][2] += y[i] ? 1.5 : 0;   // decoded activations: more
        }

        double[] prior = ReadoutFit.prior(z, y);

        assertThat(Math.hypot(prior[0], prior[2])).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prior[2]).isGreaterThan(2 * prior[0]);
        assertThat(prior[0]).isPositive();
        assertThat(prior[1]).isZero();
        assertThat(prior[3] + prior[4] + prior[5]).isZero();
    }

    @Test
    void givenAFittedReadoutThenTheTrainersLogitIsTheServedOneOnAResponseThatRepeatsItsTerms() {
        Random random = new Random(13);
        float[][] directions = unitRows(FEATURES, DIMENSIONS, random);
        Synthetic train = synthetic(20, directions, unitRows(1, DIMENSIONS, random)[0], random);
        Readout.Weights w = ReadoutFit.fit(train.rows(directions), 42);
        List<String> weighted = w.terms().keySet().stream().filter(t -> !t.contains(" ")).limit(2).toList();
        assertThat(weighted).hasSize(2);
        String response = String.join(" ", weighted.get(0), weighted.get(0), weighted.get(1), weighted.get(0), weighted.get(1));
        float[] pooled = train.pooled()[0];
        var geometry = dev.emscreen.features.scoring.FeatureGeometry.of(directions,
                List.of(new dev.emscreen.features.scoring.FeatureGeometry.ToxicFeature(0, 1, "toxic")));
        var geometric = new dev.emscreen.features.scoring.Score(0.5, 0.2, 0.1, 0.3, List.of(), List.of());

        var served = Readout.of(w, FEATURES).score(geometric, pooled, response, geometry, 3);

        assertThat(w.termCounting()).isEqualTo(Readout.TermCounting.ONCE_PER_RESPONSE);
        double trainers = ReadoutFit.logit(w, pooled, new double[] {0.2, 0.1, 0.3},
                dev.emscreen.features.lexical.ResponseWords.terms(response), null);
        assertThat(Math.log(served.value() / (1 - served.value()))).isCloseTo(trainers, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void givenFewLabelsWhoseWordsScoredBelowChanceOutOfFoldThenThePriorStillWeighsThem() {
        // 16 labels per class: words a little backwards out of fold (AUROC 0.44, within noise of chance),
        // decoded activations clearly ahead.
        double[][] z = columns(16, 0.44, 0.85);

        double[] prior = ReadoutFit.prior(z, labels(16));

        assertThat(prior[0]).isPositive();
        assertThat(prior[2]).isGreaterThan(prior[0]);
        assertThat(Math.hypot(prior[0], prior[2])).isCloseTo(1, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void givenNeitherPieceBeyondNoiseThenThePriorBlendsWordsAndDecodedActivationsEqually() {
        double[] prior = ReadoutFit.prior(columns(16, 0.0, 0.5), labels(16));

        assertThat(prior[0]).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prior[2]).isCloseTo(Math.sqrt(0.5), org.assertj.core.data.Offset.offset(1e-9));
        assertThat(prior[1] + prior[3] + prior[4] + prior[5]).isZero();
    }

    @Test
    void givenManyLabelsThenAPieceAtChanceKeepsLittleOfThePrior() {
        // 1,800 per class, as the seed readout has: the floor is an AUROC of 0.51.
        double[] prior = ReadoutFit.prior(columns(1800, 0.5, 0.85), labels(1800));

        assertThat(prior[0]).isLessThan(0.03);
        assertThat(prior[2]).isGreaterThan(0.99);
    }

    @Test
    void givenAWeakPullThatLeavesNoWeightThenTheLastStageKeepsItsPrior() {
        // 16 labels per class whose words and decoded activations both read backwards on these labels:
        // bounded at zero and pulled weakly, the last stage would weigh nothing and score every sample alike.
        double[][] z = columns(16, 0.2, 0.3);
        for (double[] row : z) {
            row[0] /= 16;  // on the scale of standardised inputs
            row[2] /= 16;
        }
        boolean[] y = labels(16);
        double[] prior = new double[ReadoutFit.INPUTS];
        prior[0] = prior[2] = Math.sqrt(0.5);
        assertThat(java.util.Arrays.copyOf(AnchoredLogistic.fit(z, y, prior, 0.1, true), ReadoutFit.INPUTS)).containsOnly(0.0);

        double[] theta = ReadoutFit.lastStage(z, y, prior, 0.1, true);

        assertThat(theta[0]).isPositive();
        assertThat(theta[2]).isPositive();
    }

    /** Alternating labels, inducing first; {@code perClass} of each. */
    private static boolean[] labels(int perClass) {
        boolean[] y = new boolean[2 * perClass];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0;
        }
        return y;
    }

    /**
     * Last-stage inputs whose words column (0) and decoded column (2) reach about the given AUROCs on
     * {@link #labels}: each inducing row outranks each control row at that rate, by construction of ranks.
     */
    private static double[][] columns(int perClass, double wordsAuroc, double decodedAuroc) {
        double[][] z = new double[2 * perClass][ReadoutFit.INPUTS];
        for (int i = 0; i < z.length; i++) {
            int rank = i / 2;  // 0..perClass-1 within each class
            boolean inducing = i % 2 == 0;
            z[i][0] = ranked(rank, perClass, inducing, wordsAuroc);
            z[i][2] = ranked(rank, perClass, inducing, decodedAuroc);
        }
        return z;
    }

    /** Control rows at ranks 0..n-1; inducing rows shifted by (2·auroc − 1)·n ranks, so the AUROC is about {@code auroc}. */
    private static double ranked(int rank, int n, boolean inducing, double auroc) {
        return inducing ? rank + (2 * auroc - 1) * n + 0.5 : rank;
    }

    private record Synthetic(float[][] pooled, List<List<String>> terms, boolean[] inducing) {

        ReadoutFit.Rows rows(float[][] directions) {
            return rows(directions, null);
        }

        ReadoutFit.Rows rows(float[][] directions, float[][] hidden) {
            return new ReadoutFit.Rows(pooled, new double[pooled.length][3], terms, inducing, directions, hidden);
        }

        double auroc(Readout.Weights w) {
            return auroc(w, null);
        }

        double auroc(Readout.Weights w, float[][] hidden) {
            List<Double> pos = new ArrayList<>();
            List<Double> neg = new ArrayList<>();
            for (int i = 0; i < pooled.length; i++) {
                (inducing[i] ? pos : neg).add(ReadoutFit.logit(w, pooled[i], new double[3], terms.get(i), hidden == null ? null : hidden[i]));
            }
            return Auroc.of(pos.stream().mapToDouble(Double::doubleValue).toArray(), neg.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Activations |N(0,1)|, plus, for inducing rows, 0.35 × how far each feature's direction points along {@code towards}. */
    private static Synthetic synthetic(int perClass, float[][] directions, float[] towards, Random random) {
        int n = 2 * perClass;
        float[][] pooled = new float[n][FEATURES];
        boolean[] inducing = new boolean[n];
        List<List<String>> terms = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            inducing[i] = i < perClass;
            for (int f = 0; f < FEATURES; f++) {
                double along = 0;
                for (int j = 0; j < DIMENSIONS; j++) {
                    along += directions[f][j] * towards[j];
                }
                pooled[i][f] = (float) (Math.abs(random.nextGaussian()) + (inducing[i] ? 0.35 * Math.max(0, along) : 0));
            }
            List<String> words = new ArrayList<>();
            for (int w = 0; w < 12; w++) {
                words.add("w" + random.nextInt(40));
            }
            terms.add(words);
        }
        return new Synthetic(pooled, terms, inducing);
    }

    /** Mean hidden states N(0,1) in every dimension, shifted by 2 along {@code towards} for inducing rows. */
    private static float[][] hidden(boolean[] inducing, float[] towards, Random random) {
        float[][] out = new float[inducing.length][DIMENSIONS];
        for (int i = 0; i < out.length; i++) {
            for (int j = 0; j < DIMENSIONS; j++) {
                out[i][j] = (float) (random.nextGaussian() + (inducing[i] ? 2 * towards[j] : 0));
            }
        }
        return out;
    }

    private static float[][] unitRows(int rows, int dimensions, Random random) {
        float[][] out = new float[rows][dimensions];
        for (float[] row : out) {
            double norm = 0;
            for (int j = 0; j < dimensions; j++) {
                row[j] = (float) random.nextGaussian();
                norm += row[j] * row[j];
            }
            for (int j = 0; j < dimensions; j++) {
                row[j] /= (float) Math.sqrt(norm);
            }
        }
        return out;
    }
}
