package dev.emscreen.features.scoring;

import java.util.Arrays;

/** Picks routing thresholds from scores of labelled validation samples. */
public final class ThresholdCalibrator {

    private ThresholdCalibrator() {
    }

    /**
     * Budget mode: the lowest quarantine threshold that quarantines at most {@code quarantineBudget}
     * of benign (control) samples, and a review threshold that sends at most {@code reviewBudget} of
     * them to review or quarantine.
     */
    public static Routing forControlBudget(double[] controlScores, double quarantineBudget, double reviewBudget) {
        if (controlScores.length == 0) {
            throw new IllegalArgumentException("Calibration needs control samples");
        }
        if (quarantineBudget < 0 || reviewBudget < quarantineBudget || reviewBudget >= 1) {
            throw new IllegalArgumentException("Need 0 <= quarantine budget <= review budget < 1");
        }
        double quarantine = cutAbove(controlScores, quarantineBudget);
        double review = Math.min(quarantine, cutAbove(controlScores, reviewBudget));
        return new Routing(review, quarantine);
    }

    /** The paper's mode: quarantine the {@code fraction} of samples that score highest. */
    public static Routing dropClosest(double[] scores, double fraction, double reviewFraction) {
        double quarantine = cutAbove(scores, fraction);
        return new Routing(Math.min(quarantine, cutAbove(scores, fraction + reviewFraction)), quarantine);
    }

    /** The smallest threshold t such that at most {@code share} of {@code scores} are >= t. */
    static double cutAbove(double[] scores, double share) {
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        int allowed = (int) Math.floor(share * sorted.length);
        if (allowed <= 0) {
            return Math.nextUp(sorted[sorted.length - 1]);
        }
        // Everything strictly above the (n - allowed)-th smallest score is within the budget.
        double candidate = sorted[sorted.length - allowed];
        double below = sorted[sorted.length - allowed - 1];
        return candidate > below ? candidate : Math.nextUp(candidate);
    }
}
