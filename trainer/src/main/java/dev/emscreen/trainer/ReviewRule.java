package dev.emscreen.trainer;

import dev.emscreen.features.bundle.FeatureSetManifest.ReviewSelection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses what a set sends to review beside the band below quarantine, by how many of the team's own
 * labels it learned from. The learning curve compared, at the same budget, labels drawn at random with
 * labels drawn where the set is least sure (README, "Which samples go to review"): random labels won
 * every em-dev domain at 16 per class, least-sure ones two of three (and the mean) at 64. So a set with
 * fewer than {@link #LEAST_SURE_FROM} target labels per class audits a random share of what it would
 * accept; from then on the same share of the team's rows nearest the middle between the classes.
 */
final class ReviewRule {

    /** Target labels per class from which the set's own doubts pick better labels than chance. */
    static final int LEAST_SURE_FROM = 64;

    private ReviewRule() {
    }

    /**
     * @param all    the build's texts
     * @param scores the set's score of each (out of fold for target labels)
     * @param share  the audit's share of traffic; 0 turns it off
     */
    static ReviewSelection choose(List<LabelledText> all, double[] scores, double share) {
        List<Double> inducing = new ArrayList<>();
        List<Double> control = new ArrayList<>();
        List<Double> teamRows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            LabelledText t = all.get(i);
            if (t.isTargetLabel()) {
                (t.positive() ? inducing : control).add(scores[i]);
            }
            if (t.isTargetLabel() || (t.kind() == LabelledText.Kind.SAMPLE && t.positive() == null)) {
                teamRows.add(scores[i]);
            }
        }
        int perClass = Math.min(inducing.size(), control.size());
        String percent = Math.round(share * 1000) / 10.0 + "%";
        if (share == 0) {
            return new ReviewSelection(ReviewSelection.BAND, 0, null, null, perClass, LEAST_SURE_FROM,
                    "the audit is turned off (--review-audit 0): the band below quarantine alone");
        }
        if (perClass < LEAST_SURE_FROM) {
            return new ReviewSelection(ReviewSelection.RANDOM_AUDIT, share, null, null, perClass, LEAST_SURE_FROM, perClass
                    + " target labels per class (fewer than " + LEAST_SURE_FROM + "): " + percent + " of what the score would"
                    + " accept also goes to review, drawn at random; random labels teach a set this young more than its doubts");
        }
        double middle = middle(unboxed(inducing), unboxed(control));
        double halfWidth = halfWidth(teamRows, middle, share);
        double from = middle - halfWidth;
        double to = middle + halfWidth;
        return new ReviewSelection(ReviewSelection.LEAST_SURE, share, from, to, perClass, LEAST_SURE_FROM, String.format(
                "%d target labels per class (at least %d): what the score would accept also goes to review when it scores in"
                        + " [%.4f, %.4f], around the middle between the classes' median scores (%.4f), where the set is least"
                        + " sure; the window is sized to hold %s of the team's %d rows", perClass, LEAST_SURE_FROM, from, to,
                middle, percent, teamRows.size()));
    }

    /**
     * Half the width of the window around {@code middle} that holds {@code share} of the rows. Read off
     * the {@link #WINDOW_ROWS} rows nearest the middle and scaled to the share (the density taken as even
     * that close to the middle): the few rows a share of a small label set makes would leave it to chance.
     */
    static double halfWidth(List<Double> rows, double middle, double share) {
        double[] distances = rows.stream().mapToDouble(s -> Math.abs(s - middle)).sorted().toArray();
        double wanted = share * distances.length;
        int read = Math.min(distances.length, Math.max(WINDOW_ROWS, (int) Math.ceil(wanted)));
        return distances[read - 1] * Math.min(1, wanted / read);
    }

    /** Rows the least-sure window is read off at the least. */
    static final int WINDOW_ROWS = 20;

    /** The score halfway between the classes' medians: where the set is least sure which class a sample is. */
    static double middle(double[] inducing, double[] control) {
        double[] pos = inducing.clone();
        double[] neg = control.clone();
        Arrays.sort(pos);
        Arrays.sort(neg);
        return (pos[pos.length / 2] + neg[neg.length / 2]) / 2;
    }

    private static double[] unboxed(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
