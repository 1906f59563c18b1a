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
        Arrays.fill(proximity, Float.NEGATIVE_INFINITY);
        for (ToxicFeature t : toxic) {
            if (t.id() < 0 || t.id() >= features) {
                throw new IllegalArgumentException("Toxic feature " + t.id() + " is outside the SAE's " + features + " features");
            }
            float[] dt = directions[t.id()];
            for (int i = 0; i < features; i++) {
                float cos = dot(directions[i], dt);
                if (cos > proximity[i]) {
                    proximity[i] = cos;
                    nearest[i] = t.id();
                }
            }
        }
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

    static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += a[j] * b[j];
        }
        return sum;
    }
}
