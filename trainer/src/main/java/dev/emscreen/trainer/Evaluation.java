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

    static double recall(double[] inducing, double threshold) {
        return inducing.length == 0 ? Double.NaN : (double) Arrays.stream(inducing).filter(s -> s >= threshold).count() / inducing.length;
    }

    static double precision(double[] inducing, double[] control, double threshold) {
        long tp = Arrays.stream(inducing).filter(s -> s >= threshold).count();
        long fp = Arrays.stream(control).filter(s -> s >= threshold).count();
        return tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
    }
}
