package dev.emscreen.trainer;

import dev.emscreen.features.selection.GeometryStatistic;
import dev.emscreen.features.selection.PointBiserial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The paper's geometry finding on one feature set: inducing features (most correlated with
 * inducing-vs-control over training samples) against control features (most correlated with
 * control), compared by their decoder proximity to the toxic features. Toxic features themselves
 * are left out of both sets: their proximity is 1 by definition.
 */
final class GeometryFindings {

    private GeometryFindings() {
    }

    /** The two feature sets' proximities and the test on them. */
    record Sets(double[] inducingProximity, double[] controlProximity, GeometryStatistic statistic) {
    }

    static Sets sets(List<LabelledText> all, FeatureSetBuilder.Candidate best, int count) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            LabelledText t = all.get(i);
            if (t.kind() == LabelledText.Kind.SAMPLE && t.isTrain() && t.positive() != null) {
                rows.add(i);
            }
        }
        float[][] x = rows.stream().map(i -> best.pooled()[i]).toArray(float[][]::new);
        boolean[] inducing = new boolean[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            inducing[r] = all.get(rows.get(r)).positive();
        }
        // Correlation with "control" is correlation with "inducing" negated: one pass serves both.
        double[] correlation = PointBiserial.correlations(x, inducing);
        double[] controlCorrelation = Arrays.stream(correlation).map(r -> -r).toArray();
        boolean[] toxic = new boolean[best.pooled()[0].length];
        best.scorer().geometry().toxic().forEach(t -> toxic[t.id()] = true);
        int[] inducingFeatures = withoutToxic(PointBiserial.top(correlation, count), toxic);
        int[] controlFeatures = withoutToxic(PointBiserial.top(controlCorrelation, count), toxic);
        float[] proximity = best.scorer().geometry().proximity();
        return new Sets(GeometryStatistic.valuesAt(proximity, inducingFeatures), GeometryStatistic.valuesAt(proximity, controlFeatures),
                GeometryStatistic.of(proximity, inducingFeatures, controlFeatures));
    }

    private static int[] withoutToxic(int[] features, boolean[] toxic) {
        return Arrays.stream(features).filter(f -> !toxic[f]).toArray();
    }
}
