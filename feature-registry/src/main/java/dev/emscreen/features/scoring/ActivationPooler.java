package dev.emscreen.features.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.sae.SparseAutoencoder;

/** SAE-encodes a sample's tokens and pools them into one activation per feature. */
public final class ActivationPooler {

    private ActivationPooler() {
    }

    /**
     * Pools over the response tokens, or over every token when {@code responseOnly} is false or the
     * response has no tokens left (a truncated prompt-heavy sample).
     */
    public static float[] pool(SparseAutoencoder sae, TokenStates states, Pooling pooling, boolean responseOnly) {
        return poolEach(sae, states, responseOnly, pooling)[0];
    }

    /**
     * One SAE encode, pooled each way asked for (row i pooled by {@code poolings[i]}): the trainer
     * compares poolings without encoding every text once per pooling.
     */
    public static float[][] poolEach(SparseAutoencoder sae, TokenStates states, boolean responseOnly, Pooling... poolings) {
        float[][] rows = select(states, responseOnly);
        try (NDManager scope = sae.manager().newSubManager()) {
            NDArray features = sae.encode(scope.create(rows));
            float[][] pooled = new float[poolings.length][];
            for (int i = 0; i < poolings.length; i++) {
                pooled[i] = pool(features, poolings[i]);
            }
            return pooled;
        }
    }

    /** Token activations [tokens, d_sae] pooled into one per feature. */
    static float[] pool(NDArray features, Pooling pooling) {
        return (pooling == Pooling.MAX ? features.max(new int[] {0}) : features.mean(new int[] {0})).toFloatArray();
    }

    /** The mean of the hidden states {@link #select} reads: what a readout's hidden-state term (and a linear probe) reads. */
    public static float[] meanState(TokenStates states, boolean responseOnly) {
        float[][] rows = select(states, responseOnly);
        float[] mean = new float[rows[0].length];
        for (float[] row : rows) {
            for (int j = 0; j < mean.length; j++) {
                mean[j] += row[j] / rows.length;
            }
        }
        return mean;
    }

    /** The hidden states pooling reads: the SAE is trained on the same tokens it is asked about. */
    public static float[][] select(TokenStates states, boolean responseOnly) {
        int[] rows = rowsRead(states, responseOnly);
        if (rows.length == states.tokens()) {
            return states.hidden();
        }
        float[][] selected = new float[rows.length][];
        for (int r = 0; r < rows.length; r++) {
            selected[r] = states.hidden()[rows[r]];
        }
        return selected;
    }

    /** The indices of the tokens {@link #select} reads, in order. */
    static int[] rowsRead(TokenStates states, boolean responseOnly) {
        int count = responseOnly ? states.responseTokens() : 0;
        int[] rows = new int[count == 0 ? states.tokens() : count];
        for (int i = 0, r = 0; i < states.tokens(); i++) {
            if (count == 0 || states.response()[i]) {
                rows[r++] = i;
            }
        }
        return rows;
    }
}
