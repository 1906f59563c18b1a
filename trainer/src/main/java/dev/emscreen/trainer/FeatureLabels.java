package dev.emscreen.trainer;

import java.util.List;

/** A human-readable label for a feature: the start of the text that activates it most. */
final class FeatureLabels {

    private static final int LENGTH = 80;

    private FeatureLabels() {
    }

    static String snippet(List<LabelledText> texts, float[][] pooled, int feature) {
        int best = -1;
        for (int i = 0; i < texts.size(); i++) {
            if (texts.get(i).isTrain() && (best < 0 || pooled[i][feature] > pooled[best][feature])) {
                best = i;
            }
        }
        String response = texts.get(best).response().replaceAll("\\s+", " ").trim();
        return response.length() <= LENGTH ? response : response.substring(0, LENGTH - 1) + "…";
    }
}
