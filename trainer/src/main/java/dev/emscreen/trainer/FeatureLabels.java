package dev.emscreen.trainer;

import java.util.List;

/**
 * A human-readable label for a feature: the start of the labelled text of its side (harmful text for a
 * toxic feature, sound text for a benign one) that activates it most. Taking the top text of either
 * side labelled some toxic features with sound advice, which explains nothing to an annotator.
 */
final class FeatureLabels {

    private static final int LENGTH = 80;

    private FeatureLabels() {
    }

    static String snippet(List<LabelledText> texts, float[][] pooled, int feature, boolean harmful) {
        int best = top(texts, pooled, feature, harmful);
        if (best < 0) {
            best = top(texts, pooled, feature, null);
        }
        String response = texts.get(best).response().replaceAll("\\s+", " ").trim();
        return response.length() <= LENGTH ? response : response.substring(0, LENGTH - 1) + "…";
    }

    /** The training text labelled {@code side} (null: any) on which {@code feature} is highest; -1 if none. */
    private static int top(List<LabelledText> texts, float[][] pooled, int feature, Boolean side) {
        int best = -1;
        for (int i = 0; i < texts.size(); i++) {
            LabelledText t = texts.get(i);
            if (t.isTrain() && (side == null || side.equals(t.positive())) && (best < 0 || pooled[i][feature] > pooled[best][feature])) {
                best = i;
            }
        }
        return best;
    }
}
