package dev.emscreen.trainer;

import dev.emscreen.features.selection.Auroc;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * How a feature set improves with a team's labels: for each count n, draw n labels per class from
 * the target rows, assemble a set from the seed plus those labels (the SAE trained once, on the seed
 * and every target row's tokens, no labels), and score the rows that were not drawn. Beside it, the
 * baselines a user would fit on the same n labels. Encoder states and SAE activations are computed
 * once and shared by every draw.
 */
final class LearningCurve {

    /** One count's results over the draws: AUROC of each method on the rows not drawn. */
    record Point(int n, double[] readout, double[] active, double[] probe, double[] naiveBayes) {
    }

    /** Active selection starts from this many random labels per class, then asks for the least certain rows. */
    static final int ACTIVE_START = 8;

    private final FeatureSetBuilder builder;
    private final List<LabelledText> base;
    private final List<LabelledText> rows;
    private final float[][][] pooledBase;
    private final float[][][] pooledRows;
    private final float[][] directions;
    private final float[][] meanStates;
    private final long seed;

    /**
     * @param base       seed samples and reference texts, as a build reads them
     * @param rows       the target rows, labelled (the labels are hidden except where drawn)
     * @param meanStates every text's mean response hidden states, base texts first: the readout's
     *                   hidden-state evidence, and the probe baseline's input
     */
    LearningCurve(FeatureSetBuilder builder, List<LabelledText> base, List<LabelledText> rows, float[][][] pooledBase,
                  float[][][] pooledRows, float[][] directions, float[][] meanStates, long seed) {
        this.builder = builder;
        this.base = base;
        this.rows = rows;
        this.pooledBase = pooledBase;
        this.pooledRows = pooledRows;
        this.directions = directions;
        this.meanStates = meanStates;
        this.seed = seed;
    }

    Point point(int n, int draws, boolean active) {
        double[] readout = new double[draws];
        double[] chosen = new double[draws];
        double[] probe = new double[draws];
        double[] nb = new double[draws];
        double[] unlabelled = n == 0 ? scores(List.of()) : null;
        for (int d = 0; d < draws; d++) {
            Random random = new Random(seed + 1000L * d + n);
            List<Integer> drawn = n == 0 ? List.of() : draw(n, random);
            // With no labels every draw is the same set: assembled once.
            double[] scores = n == 0 ? unlabelled : scores(drawn);
            readout[d] = aurocOfRest(scores, drawn);
            if (n == 0) {
                probe[d] = nb[d] = chosen[d] = Double.NaN;
                continue;
            }
            boolean[] y = labels(drawn);
            List<Integer> rest = rest(drawn);
            double[] nbScores = Baselines.naiveBayes(drawn.stream().map(i -> rows.get(i).response()).toList(), y,
                    rest.stream().map(i -> rows.get(i).response()).toList());
            double[] probeScores = Baselines.linearProbe(drawn.stream().map(i -> meanStates[base.size() + i]).toArray(float[][]::new), y,
                    rest.stream().map(i -> meanStates[base.size() + i]).toArray(float[][]::new));
            nb[d] = auroc(nbScores, rest);
            probe[d] = auroc(probeScores, rest);
            if (active && n > ACTIVE_START) {
                Asked asked = askLeastCertain(n, random);
                chosen[d] = aurocOfRest(asked.scores(), asked.labelled());
            } else {
                chosen[d] = Double.NaN;
            }
        }
        return new Point(n, readout, chosen, probe, nb);
    }

    /** The rows active selection labelled, and every row's score from the set built on them. */
    private record Asked(double[] scores, List<Integer> labelled) {
    }

    /**
     * Uncertainty sampling at the same budget (2n labels): start from {@link #ACTIVE_START} random labels
     * per class, then repeatedly label the unlabelled rows whose current score is nearest the middle of
     * the labelled scores, four times as many labels after each round (a team rules in batches).
     */
    private Asked askLeastCertain(int n, Random random) {
        List<Integer> labelled = new ArrayList<>(draw(ACTIVE_START, random));
        int budget = 2 * n;
        double[] scores = scores(labelled);
        while (labelled.size() < budget) {
            int ask = Math.min(budget - labelled.size(), 3 * labelled.size());
            double middle = middle(scores, labelled);
            List<Integer> pool = rest(labelled);
            double[] current = scores;
            pool.sort(Comparator.comparingDouble(i -> Math.abs(current[i] - middle)));
            labelled.addAll(pool.subList(0, ask));
            scores = labelled.stream().anyMatch(i -> rows.get(i).positive()) && labelled.stream().anyMatch(i -> !rows.get(i).positive())
                    ? scores(labelled) : scores;
        }
        return new Asked(scores, labelled);
    }

    /** The score halfway between the labelled classes' medians: where the set is least sure (as the stream's audit has it). */
    private double middle(double[] scores, List<Integer> labelled) {
        return ReviewRule.middle(labelled.stream().filter(i -> rows.get(i).positive()).mapToDouble(i -> scores[i]).toArray(),
                labelled.stream().filter(i -> !rows.get(i).positive()).mapToDouble(i -> scores[i]).toArray());
    }

    /** Every target row's score from a set assembled from the seed plus the labels of {@code drawn}. */
    private double[] scores(List<Integer> drawn) {
        List<LabelledText> all = new ArrayList<>(base);
        boolean[] isDrawn = new boolean[rows.size()];
        drawn.forEach(i -> isDrawn[i] = true);
        for (int i = 0; i < rows.size(); i++) {
            LabelledText t = rows.get(i);
            all.add(new LabelledText(t.id(), t.kind(), t.domain(), isDrawn[i] ? LabelledText.TARGET : "train",
                    isDrawn[i] ? t.positive() : null, t.text(), t.response()));
        }
        float[][][] pooled = new float[all.size()][][];
        System.arraycopy(pooledBase, 0, pooled, 0, pooledBase.length);
        System.arraycopy(pooledRows, 0, pooled, pooledBase.length, pooledRows.length);
        FeatureSetBuilder.Candidate best = builder.assemble(all, pooled, directions, meanStates).best();
        return Arrays.copyOfRange(best.scores(), base.size(), all.size());
    }

    private List<Integer> draw(int perClass, Random random) {
        List<Integer> drawn = new ArrayList<>();
        for (boolean cls : new boolean[] {true, false}) {
            List<Integer> of = new ArrayList<>(IntStream.range(0, rows.size()).filter(i -> rows.get(i).positive() == cls).boxed().toList());
            if (of.size() <= perClass) {
                throw new IllegalArgumentException("Only " + of.size() + (cls ? " inducing" : " control") + " rows: cannot draw "
                        + perClass + " per class and still score the rest");
            }
            Collections.shuffle(of, random);
            drawn.addAll(of.subList(0, perClass));
        }
        return drawn;
    }

    private List<Integer> rest(List<Integer> drawn) {
        boolean[] taken = new boolean[rows.size()];
        drawn.forEach(i -> taken[i] = true);
        return new ArrayList<>(IntStream.range(0, rows.size()).filter(i -> !taken[i]).boxed().toList());
    }

    private boolean[] labels(List<Integer> of) {
        boolean[] y = new boolean[of.size()];
        for (int k = 0; k < y.length; k++) {
            y[k] = rows.get(of.get(k)).positive();
        }
        return y;
    }

    private double aurocOfRest(double[] scores, List<Integer> drawn) {
        List<Integer> rest = rest(drawn);
        return auroc(rest.stream().mapToDouble(i -> scores[i]).toArray(), rest);
    }

    /** AUROC of {@code scores}, given in the order of {@code of}. */
    private double auroc(double[] scores, List<Integer> of) {
        boolean[] y = labels(of);
        double[][] split = Baselines.split(scores, y);
        return Auroc.of(split[0], split[1]);
    }

    static double mean(double[] values) {
        return Arrays.stream(values).filter(v -> !Double.isNaN(v)).average().orElse(Double.NaN);
    }

    static double sd(double[] values) {
        double m = mean(values);
        double[] ok = Arrays.stream(values).filter(v -> !Double.isNaN(v)).toArray();
        return ok.length < 2 ? 0 : Math.sqrt(Arrays.stream(ok).map(v -> (v - m) * (v - m)).sum() / (ok.length - 1));
    }
}
