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
        float[][] rows = select(states, responseOnly);
        try (NDManager scope = sae.manager().newSubManager()) {
            NDArray features = sae.encode(scope.create(rows));
            NDArray pooled = pooling == Pooling.MAX ? features.max(new int[] {0}) : features.mean(new int[] {0});
            return pooled.toFloatArray();
        }
    }

    /** The hidden states pooling reads: the SAE is trained on the same tokens it is asked about. */
    public static float[][] select(TokenStates states, boolean responseOnly) {
        int count = responseOnly ? states.responseTokens() : 0;
        if (count == 0) {
            return states.hidden();
        }
        float[][] rows = new float[count][];
        for (int i = 0, r = 0; i < states.tokens(); i++) {
            if (states.response()[i]) {
                rows[r++] = states.hidden()[i];
            }
        }
        return rows;
    }
}
