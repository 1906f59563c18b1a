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
                dev.emscreen.features.lexical.ResponseWords.terms(response));
        assertThat(Math.log(served.value() / (1 - served.value()))).isCloseTo(trainers, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void givenEvidenceNoBetterThanChanceThenThePriorIsWordsAlone() {
        boolean[] y = new boolean[40];
        double[][] z = new double[40][ReadoutFit.INPUTS];
        for (int i = 0; i < y.length; i++) {
            y[i] = i % 2 == 0;
            z[i][0] = y[i] ? -1 : 1;  // words point the wrong way
            z[i][2] = 0;              // decoded: no information
        }

        assertThat(ReadoutFit.prior(z, y)).containsExactly(1, 0, 0, 0, 0, 0);
    }

    private record Synthetic(float[][] pooled, List<List<String>> terms, boolean[] inducing) {

        ReadoutFit.Rows rows(float[][] directions) {
            return new ReadoutFit.Rows(pooled, new double[pooled.length][3], terms, inducing, directions);
        }

        double auroc(Readout.Weights w) {
            List<Double> pos = new ArrayList<>();
            List<Double> neg = new ArrayList<>();
            for (int i = 0; i < pooled.length; i++) {
                (inducing[i] ? pos : neg).add(ReadoutFit.logit(w, pooled[i], new double[3], terms.get(i)));
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
