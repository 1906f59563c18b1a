package dev.emscreen.features.selection;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/** Area under the ROC curve: the chance a random positive outscores a random negative (ties count half). */
public final class Auroc {

    private Auroc() {
    }

    public static double of(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            return Double.NaN;
        }
        double[] all = new double[positives.length + negatives.length];
        System.arraycopy(positives, 0, all, 0, positives.length);
        System.arraycopy(negatives, 0, all, positives.length, negatives.length);
        double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(all);
        double rankSum = 0;
        for (int i = 0; i < positives.length; i++) {
            rankSum += ranks[i];
        }
        double u = rankSum - positives.length * (positives.length + 1) / 2.0;
        return u / ((double) positives.length * negatives.length);
    }
}
