package dev.emscreen.features.selection;

import org.apache.commons.math3.stat.inference.MannWhitneyUTest;

/**
 * The paper's geometry finding, measured: are inducing features closer (decoder cosine) to the
 * toxic features than control features are? One-sided Mann-Whitney U on the two sets of
 * proximities.
 */
public record GeometryStatistic(int inducingFeatures, int controlFeatures, double meanInducingCosine,
                                double meanControlCosine, double auc, double pValue) {

    public static GeometryStatistic of(float[] proximity, int[] inducing, int[] control) {
        double[] a = valuesAt(proximity, inducing);
        double[] b = valuesAt(proximity, control);
        double auc = Auroc.of(a, b);
        // commons-math gives the two-sided p; halve it in the direction the hypothesis names.
        double twoSided = a.length > 0 && b.length > 0 ? new MannWhitneyUTest().mannWhitneyUTest(a, b) : Double.NaN;
        double p = auc > 0.5 ? twoSided / 2 : 1 - twoSided / 2;
        return new GeometryStatistic(a.length, b.length, mean(a), mean(b), auc, p);
    }

    /** {@code values[ids[i]]} for each i, widened to double. */
    public static double[] valuesAt(float[] values, int[] ids) {
        double[] picked = new double[ids.length];
        for (int i = 0; i < ids.length; i++) {
            picked[i] = values[ids[i]];
        }
        return picked;
    }

    private static double mean(double[] values) {
        return java.util.Arrays.stream(values).average().orElse(Double.NaN);
    }
}
