package dev.emscreen.trainer;

import java.util.Arrays;

/** The headline figures of screening: what dropping the top-scoring samples removes, precision and recall. */
final class Evaluation {

    private Evaluation() {
    }

    /** Share of inducing samples among those removed when the top {@code fraction} of all scores is dropped. */
    static double removedAt(double[] inducing, double[] all, double fraction) {
        double[] sorted = all.clone();
        Arrays.sort(sorted);
        int keep = (int) Math.round(sorted.length * (1 - fraction));
        double cut = keep >= sorted.length ? Double.POSITIVE_INFINITY : sorted[keep];
        // Ties at the cut are removed in proportion, as random tie-breaking would on average.
        long above = Arrays.stream(all).filter(s -> s > cut).count();
        long at = Arrays.stream(all).filter(s -> s == cut).count();
        double tieShare = at == 0 ? 0 : (double) (sorted.length - keep - above) / at;
        double removed = 0;
        for (double s : inducing) {
            removed += s > cut ? 1 : s == cut ? tieShare : 0;
        }
        return inducing.length == 0 ? Double.NaN : removed / inducing.length;
    }

    /**
     * AUROC with length held fixed: the samples are cut into {@code bins} groups of equal size by
     * response length, and only pairs (one inducing, one control) within the same group are compared.
     * A score that only tracks length falls to about 0.5 here; a score that reads content keeps its
     * AUROC. Groups with one class only carry no pairs.
     *
     * @return the share of within-group pairs the score orders correctly (ties count half), or NaN if no group holds both classes
     */
    static double aurocWithinLength(double[] scores, boolean[] inducing, double[] length, int bins) {
        Integer[] order = new Integer[scores.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(length[a], length[b]));
        double correct = 0;
        double pairs = 0;
        for (int b = 0; b < bins; b++) {
            int from = (int) ((long) b * order.length / bins);
            int to = (int) ((long) (b + 1) * order.length / bins);
            java.util.List<Double> pos = new java.util.ArrayList<>();
            java.util.List<Double> neg = new java.util.ArrayList<>();
            for (int k = from; k < to; k++) {
                (inducing[order[k]] ? pos : neg).add(scores[order[k]]);
            }
            if (pos.isEmpty() || neg.isEmpty()) {
                continue;
            }
            double auroc = dev.emscreen.features.selection.Auroc.of(pos.stream().mapToDouble(Double::doubleValue).toArray(),
                    neg.stream().mapToDouble(Double::doubleValue).toArray());
            double n = (double) pos.size() * neg.size();
            correct += auroc * n;
            pairs += n;
        }
        return pairs == 0 ? Double.NaN : correct / pairs;
    }

    static double recall(double[] inducing, double threshold) {
        return inducing.length == 0 ? Double.NaN : (double) Arrays.stream(inducing).filter(s -> s >= threshold).count() / inducing.length;
    }

    static double precision(double[] inducing, double[] control, double threshold) {
        long tp = Arrays.stream(inducing).filter(s -> s >= threshold).count();
        long fp = Arrays.stream(control).filter(s -> s >= threshold).count();
        return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }
}
