package dev.emscreen.features.scoring;

import java.util.Arrays;
import java.util.List;

/**
 * Where every SAE feature lies relative to the toxic ones, computed once per feature set:
 * {@code p_i = max over toxic t of cos(d_i, d_t)} (1 for a toxic feature itself), which is also the
 * cosine to {@code nearestToxic[i]}, the toxic feature nearest to it.
 */
public record FeatureGeometry(List<ToxicFeature> toxic, float[] proximity, int[] nearestToxic, List<ToxicFeature> benign) {

    public record ToxicFeature(int id, double weight, String label) {
    }

    /** @param directions unit decoder rows, [d_sae][d_model] */
    public static FeatureGeometry of(float[][] directions, List<ToxicFeature> toxic) {
        return of(directions, toxic, List.of());
    }

    /**
     * @param benign features most associated with sound answers (same record shape: id, weight,
     *               label), used by the CONTRAST scorer; may be empty
     */
    public static FeatureGeometry of(float[][] directions, List<ToxicFeature> toxic, List<ToxicFeature> benign) {
        if (toxic.isEmpty()) {
            throw new IllegalArgumentException("A feature set needs at least one toxic feature");
        }
        int features = directions.length;
        float[] proximity = new float[features];
        int[] nearest = new int[features];
        for (ToxicFeature t : toxic) {
            if (t.id() < 0 || t.id() >= features) {
                throw new IllegalArgumentException("Toxic feature " + t.id() + " is outside the SAE's " + features + " features");
            }
        }
        nearestToxic(directions, toxic.stream().mapToInt(ToxicFeature::id).toArray(), proximity, nearest);
        for (ToxicFeature t : toxic) {
            proximity[t.id()] = 1f;
            nearest[t.id()] = t.id();
        }
        for (ToxicFeature b : benign) {
            if (b.id() < 0 || b.id() >= features) {
                throw new IllegalArgumentException("Benign feature " + b.id() + " is outside the SAE's " + features + " features");
            }
        }
        return new FeatureGeometry(List.copyOf(toxic), proximity, nearest, List.copyOf(benign));
    }

    public int features() {
        return proximity.length;
    }

    public String labelOf(int toxicId) {
        return toxic.stream().filter(t -> t.id() == toxicId).map(ToxicFeature::label).findFirst().orElse(null);
    }

    /** Features per block of the cosine product: a block of Gemma Scope 2B's directions (2304 wide) is 38 MB. */
    static final int BLOCK = 4096;

    /**
     * For every feature, the largest cosine to a toxic one and which: unit directions, so each block of
     * features times the toxic directions, [block x d]·[d x toxic], on the model device (the GPU where
     * there is one); memory stays at one block however many features the SAE has.
     */
    private static void nearestToxic(float[][] directions, int[] toxicIds, float[] proximity, int[] nearest) {
        try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager(dev.emscreen.features.sae.SaeFiles.device(), "PyTorch")) {
            float[][] toxicRows = new float[toxicIds.length][];
            for (int t = 0; t < toxicIds.length; t++) {
                toxicRows[t] = directions[toxicIds[t]];
            }
            ai.djl.ndarray.NDArray toxicT = manager.create(toxicRows).transpose();
            for (int from = 0; from < directions.length; from += BLOCK) {
                int to = Math.min(directions.length, from + BLOCK);
                try (ai.djl.ndarray.NDManager scope = manager.newSubManager()) {
                    float[][] rows = Arrays.copyOfRange(directions, from, to);
                    ai.djl.ndarray.NDArray block = scope.create(rows);
                    ai.djl.ndarray.NDArray cos = block.matMul(toxicT);
                    cos.attach(scope);
                    float[] best = cos.max(new int[] {1}).toFloatArray();
                    long[] which = cos.argMax(1).toLongArray();
                    for (int i = from; i < to; i++) {
                        proximity[i] = best[i - from];
                        nearest[i] = toxicIds[(int) which[i - from]];
                    }
                }
            }
        }
    }
}
