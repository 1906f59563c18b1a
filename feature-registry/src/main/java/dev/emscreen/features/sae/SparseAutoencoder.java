package dev.emscreen.features.sae;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import dev.emscreen.records.SaeArchitecture;

/**
 * A sparse autoencoder over hidden states: {@code f = act(W_enc·(h − b_dec) + b_enc)},
 * {@code ĥ = W_dec·f + b_dec}, where act keeps the k largest pre-activations (TopK) or those above a
 * per-feature threshold (JumpReLU). Row i of W_dec, unit length, is feature i's direction.
 * Shapes follow Gemma Scope and SAELens: W_enc [d_model, d_sae], W_dec [d_sae, d_model].
 * Weights live on one DJL manager (GPU when present); encode is safe from many threads.
 */
public final class SparseAutoencoder implements AutoCloseable {

    private final NDManager manager;
    private final SaeArchitecture architecture;
    private final int k;
    private final NDArray wEnc;
    private final NDArray bEnc;
    private final NDArray wDec;
    private final NDArray bDec;
    private final NDArray threshold;

    SparseAutoencoder(NDManager manager, SaeArchitecture architecture, int k, NDArray wEnc, NDArray bEnc,
                      NDArray wDec, NDArray bDec, NDArray threshold) {
        this.manager = manager;
        this.architecture = architecture;
        this.k = k;
        this.wEnc = wEnc;
        this.bEnc = bEnc;
        this.wDec = wDec;
        this.bDec = bDec;
        this.threshold = threshold;
    }

    /**
     * A JumpReLU SAE of the given shape with random weights, on the model device: for benchmarks of real
     * SAE sizes (Gemma Scope 2B's 2304 x 16384) where no such SAE can be downloaded. Thresholds are set so
     * that about {@code activeShare} of the features fire on unit-variance input.
     */
    public static SparseAutoencoder synthetic(int dModel, int dSae, float activeShare, long seed) {
        NDManager manager = NDManager.newBaseManager(SaeFiles.device(), "PyTorch");
        ai.djl.engine.Engine.getEngine("PyTorch").setRandomSeed((int) seed);
        NDArray wEnc = manager.randomNormal(0f, (float) (1 / Math.sqrt(dModel)), new ai.djl.ndarray.types.Shape(dModel, dSae),
                DataType.FLOAT32);
        NDArray wDec = wEnc.transpose().duplicate();
        // Pre-activations are about N(0, 1): the (1 - share) quantile of a standard normal as every threshold.
        float cut = (float) new org.apache.commons.math3.distribution.NormalDistribution(null, 0, 1)
                .inverseCumulativeProbability(1 - activeShare);
        return new SparseAutoencoder(manager, SaeArchitecture.JUMPRELU, 0, wEnc, manager.zeros(new ai.djl.ndarray.types.Shape(dSae)),
                wDec, manager.zeros(new ai.djl.ndarray.types.Shape(dModel)), manager.full(new ai.djl.ndarray.types.Shape(dSae), cut));
    }

    public SaeArchitecture architecture() {
        return architecture;
    }

    /** Active features per token for TopK; 0 for JumpReLU. */
    public int k() {
        return k;
    }

    public int dModel() {
        return (int) wEnc.getShape().get(0);
    }

    public int dSae() {
        return (int) wEnc.getShape().get(1);
    }

    public NDManager manager() {
        return manager;
    }

    /** Where its weights live and it encodes: "cpu" or "cuda:N", as logs, readiness data and benchmarks name it. */
    public String device() {
        return SaeFiles.name(manager.getDevice());
    }

    /** Feature activations [n, d_sae] of hidden states [n, d_model]. */
    public NDArray encode(NDArray hidden) {
        return activate(preActivations(hidden, wEnc, bEnc, bDec), architecture, k, threshold);
    }

    public NDArray decode(NDArray features) {
        return features.matMul(wDec).add(bDec);
    }

    static NDArray preActivations(NDArray hidden, NDArray wEnc, NDArray bEnc, NDArray bDec) {
        return hidden.sub(bDec).matMul(wEnc).add(bEnc);
    }

    static NDArray activate(NDArray pre, SaeArchitecture architecture, int k, NDArray threshold) {
        if (architecture == SaeArchitecture.JUMPRELU) {
            return pre.mul(pre.gt(threshold).toType(DataType.FLOAT32, false));
        }
        // The k-th largest value per row is the cut; the mask carries no gradient, the kept values do.
        NDArray kth = pre.topK(k, 1, true, true).get(0).get(":, " + (k - 1) + ":" + k);
        return pre.mul(pre.gte(kth).toType(DataType.FLOAT32, false)).maximum(0f);
    }

    /** Unit-length feature directions, [d_sae][d_model]. */
    public float[][] directions() {
        try (NDManager scope = manager.newSubManager()) {
            NDArray unit = wDec.div(wDec.norm(new int[] {1}, true).maximum(1e-12f));
            unit.attach(scope);
            int dModel = dModel();
            float[] flat = unit.toFloatArray();
            float[][] rows = new float[dSae()][];
            for (int i = 0; i < rows.length; i++) {
                rows[i] = java.util.Arrays.copyOfRange(flat, i * dModel, (i + 1) * dModel);
            }
            return rows;
        }
    }

    /** The weights under their Gemma Scope / SAELens names, for {@link SaeFiles}. */
    NDList namedWeights() {
        NDList list = new NDList(named(wEnc, "W_enc"), named(bEnc, "b_enc"), named(wDec, "W_dec"), named(bDec, "b_dec"));
        if (threshold != null) {
            list.add(named(threshold, "threshold"));
        }
        return list;
    }

    private static NDArray named(NDArray array, String name) {
        array.setName(name);
        return array;
    }

    @Override
    public void close() {
        manager.close();
    }
}
