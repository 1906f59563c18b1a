package dev.emscreen.features.sae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import java.util.List;

/**
 * How well an SAE fits: the loss curve, the fraction of variance explained, the mean number of
 * active features per token (L0), and the share of features that never fire on the data.
 */
public record SaeMetrics(List<Double> lossPerEpoch, double fractionVarianceExplained, double meanL0,
                         double deadShare, long tokens, double seconds, String device) {

    static SaeMetrics measure(SparseAutoencoder sae, NDArray data, List<Double> lossPerEpoch, double seconds) {
        try (NDManager scope = sae.manager().newSubManager()) {
            double squaredError = 0;
            double l0 = 0;
            float[] everFired = new float[sae.dSae()];
            long n = data.getShape().get(0);
            NDArray mean = data.mean(new int[] {0});
            mean.attach(scope);
            double variance = 0;
            for (long from = 0; from < n; from += 4096) {
                // A scope per chunk: a chunk's activations are [4096 x d_sae] (256 MB for a 16k-feature SAE), freed before the next.
                try (NDManager chunk = scope.newSubManager()) {
                    NDArray x = data.get(from + ":" + Math.min(n, from + 4096));
                    x.attach(chunk); // everything computed from x now belongs to the chunk
                    variance += x.sub(mean).square().sum().getFloat();
                    NDArray f = sae.encode(x);
                    squaredError += sae.decode(f).sub(x).square().sum().getFloat();
                    NDArray active = f.gt(0f).toType(DataType.FLOAT32, false);
                    l0 += active.sum().getFloat();
                    float[] fired = active.sum(new int[] {0}).toFloatArray();
                    for (int i = 0; i < fired.length; i++) {
                        everFired[i] += fired[i];
                    }
                }
            }
            int dead = 0;
            for (float fired : everFired) {
                dead += fired == 0 ? 1 : 0;
            }
            return new SaeMetrics(List.copyOf(lossPerEpoch), 1 - squaredError / variance, l0 / n,
                    (double) dead / sae.dSae(), n, seconds, sae.manager().getDevice().toString());
        }
    }

    /** How well an SAE that was not trained here fits these token states (no loss curve; {@code seconds}: the time to read it). */
    public static SaeMetrics of(SparseAutoencoder sae, float[][] tokens, double seconds) {
        try (NDManager scope = sae.manager().newSubManager()) {
            NDArray data = scope.create(tokens);
            return measure(sae, data, List.of(), seconds);
        }
    }
}
