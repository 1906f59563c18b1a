package dev.emscreen.features.selection;

/**
 * Point-biserial correlation of each feature's pooled activation with a binary label:
 * {@code r = (mean₁ − mean₀) / s · √(p·q)}, s the population standard deviation. It is Pearson's
 * r with the label as 0/1; a feature that never varies scores 0.
 */
public final class PointBiserial {

    private PointBiserial() {
    }

    /** @param activations [samples][features] */
    public static double[] correlations(float[][] activations, boolean[] label) {
        int n = activations.length;
        int features = activations[0].length;
        int positives = 0;
        for (boolean l : label) {
            positives += l ? 1 : 0;
        }
        if (positives == 0 || positives == n) {
            throw new IllegalArgumentException("Correlation needs both labels; got " + positives + " positive of " + n);
        }
        double p = (double) positives / n;
        double[] r = new double[features];
        for (int f = 0; f < features; f++) {
            double sum = 0;
            double sumSq = 0;
            double sumPositive = 0;
            for (int s = 0; s < n; s++) {
                double x = activations[s][f];
                sum += x;
                sumSq += x * x;
                sumPositive += label[s] ? x : 0;
            }
            double mean = sum / n;
            double sd = Math.sqrt(Math.max(0, sumSq / n - mean * mean));
            if (sd < 1e-12) {
                continue;
            }
            double meanPositive = sumPositive / positives;
            double meanNegative = (sum - sumPositive) / (n - positives);
            r[f] = (meanPositive - meanNegative) / sd * Math.sqrt(p * (1 - p));
        }
        return r;
    }

    /** Ids of the {@code n} features with the largest positive correlation, strongest first. */
    public static int[] top(double[] correlations, int n) {
        return java.util.stream.IntStream.range(0, correlations.length)
                .filter(i -> correlations[i] > 0)
                .boxed()
                .sorted((a, b) -> Double.compare(correlations[b], correlations[a]))
                .limit(n)
                .mapToInt(Integer::intValue)
                .toArray();
    }
}
