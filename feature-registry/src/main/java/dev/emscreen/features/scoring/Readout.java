package dev.emscreen.features.scoring;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.emscreen.features.lexical.ResponseWords;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The learned readout: one logistic model over the evidence a sample offers,
 * <pre>
 *   logit = bias + w_prox·proximity + w_mass·toxicMass + w_contrast·contrast
 *         + Σ_i w_i·a_i            (pooled SAE activations: the paper's features)
 *         + Σ_t w_t·n_t            (the response's words and word pairs)
 *         + h·x̄                    (the mean response hidden state, when the readout reads it)
 *   score = sigmoid(logit)          (the probability the sample is inducing)
 * </pre>
 * where {@code n_t} is the term's count in the response, or 1 if it occurs at all, as the weights'
 * {@link TermCounting} says (sets fitted before it was recorded count every occurrence).
 * However the trainer fitted it, it is stored and served as this one linear form, so every term of
 * the logit is a named piece of evidence: a feature (with its nearest toxic feature) or a word.
 * The hidden-state term is the one that names nothing by itself: what the encoder's states carry
 * beyond the SAE's reconstruction of them. {@link TokenAttribution} shows it per token ({@code h·x_t}
 * over the response's tokens), so the highlighted response still accounts for the whole logit.
 */
public final class Readout {

    /**
     * What {@code readout.json} holds; {@code design} says how the trainer fitted it, for people.
     *
     * @param hidden one weight per model dimension on the mean response hidden state, or null for a
     *               readout that does not read hidden states (left out of the file then, so sets written
     *               before it keep their bytes and version)
     */
    public record Weights(double bias, double proximity, double toxicMass, double contrast, Map<Integer, Double> features,
                          Map<String, Double> terms, @JsonInclude(JsonInclude.Include.NON_NULL) List<Double> hidden,
                          TermCounting termCounting, String design) {

        public Weights {
            termCounting = termCounting == null ? TermCounting.EACH_OCCURRENCE : termCounting;
            hidden = hidden == null ? null : List.copyOf(hidden);
        }

        /** Weights that do not read hidden states. */
        public Weights(double bias, double proximity, double toxicMass, double contrast, Map<Integer, Double> features,
                       Map<String, Double> terms, TermCounting termCounting, String design) {
            this(bias, proximity, toxicMass, contrast, features, terms, null, termCounting, design);
        }

        /** Weights whose terms count at each occurrence ({@link TermCounting#EACH_OCCURRENCE}, as sets written before termCounting). */
        public Weights(double bias, double proximity, double toxicMass, double contrast, Map<Integer, Double> features,
                       Map<String, Double> terms, String design) {
            this(bias, proximity, toxicMass, contrast, features, terms, TermCounting.EACH_OCCURRENCE, design);
        }

        /** How many times a term's weight enters the logit of a response that has it {@code occurrences} times. */
        public int times(int occurrences) {
            return termCounting == TermCounting.ONCE_PER_RESPONSE ? Math.min(occurrences, 1) : occurrences;
        }
    }

    /**
     * Whether a term's weight counts at each occurrence or once per response that has it: the weights
     * are fitted one way or the other, and must be served the way they were fitted.
     */
    public enum TermCounting { EACH_OCCURRENCE, ONCE_PER_RESPONSE }

    private final Weights weights;
    private final int[] featureIds;
    private final double[] featureWeights;
    private final Map<String, Double> terms;
    private final double[] hidden;

    private Readout(Weights weights, int[] featureIds, double[] featureWeights, double[] hidden) {
        this.weights = weights;
        this.featureIds = featureIds;
        this.featureWeights = featureWeights;
        this.terms = new HashMap<>(weights.terms());
        this.hidden = hidden;
    }

    /** Checks weights that do not read hidden states against an SAE of {@code dSae} features. */
    public static Readout of(Weights weights, int dSae) {
        return of(weights, dSae, -1);
    }

    /**
     * Checks the weights against an SAE of {@code dSae} features reading {@code dModel}-wide hidden
     * states; a wrong file is refused with the reason.
     */
    public static Readout of(Weights weights, int dSae, int dModel) {
        if (weights.features() == null || weights.terms() == null) {
            throw new IllegalArgumentException("a readout needs \"features\" and \"terms\" (either may be empty)");
        }
        requireFinite("bias", weights.bias());
        requireFinite("proximity", weights.proximity());
        requireFinite("toxicMass", weights.toxicMass());
        requireFinite("contrast", weights.contrast());
        int[] ids = new int[weights.features().size()];
        double[] w = new double[ids.length];
        int n = 0;
        for (var e : weights.features().entrySet()) {
            if (e.getKey() < 0 || e.getKey() >= dSae) {
                throw new IllegalArgumentException("readout weight for feature " + e.getKey() + ", outside the SAE's " + dSae + " features");
            }
            requireFinite("feature " + e.getKey(), e.getValue());
            ids[n] = e.getKey();
            w[n++] = e.getValue();
        }
        weights.terms().forEach((term, value) -> requireFinite("term '" + term + "'", value));
        double[] hidden = null;
        if (weights.hidden() != null) {
            if (weights.hidden().size() != dModel) {
                throw new IllegalArgumentException("readout has " + weights.hidden().size() + " hidden-state weights, but the SAE reads "
                        + (dModel < 0 ? "hidden states of a width not given" : dModel + "-wide hidden states"));
            }
            hidden = new double[dModel];
            for (int j = 0; j < dModel; j++) {
                requireFinite("hidden dimension " + j, weights.hidden().get(j));
                hidden[j] = weights.hidden().get(j);
            }
        }
        return new Readout(weights, ids, w, hidden);
    }

    /** Whether the score needs the mean response hidden state ({@link #score}'s {@code meanState}). */
    public boolean readsHiddenStates() {
        return hidden != null;
    }

    /** {@code h·x̄}: what the mean response hidden state adds to the logit (0 for a readout that does not read it). */
    public double hiddenContribution(float[] meanState) {
        if (hidden == null) {
            return 0;
        }
        if (meanState == null || meanState.length != hidden.length) {
            throw new IllegalArgumentException("this readout reads " + hidden.length + "-wide mean hidden states, got "
                    + (meanState == null ? "none" : meanState.length + "-wide"));
        }
        double sum = 0;
        for (int j = 0; j < hidden.length; j++) {
            sum += hidden[j] * meanState[j];
        }
        return sum;
    }

    public Weights weights() {
        return weights;
    }

    /**
     * @param geometric the geometric scores of the same pooled activations (any geometric kind)
     * @param pooled    pooled SAE activations
     * @param response  the assistant's words
     * @param topN      how many features and terms to explain the score with
     */
    public Score score(Score geometric, float[] pooled, String response, FeatureGeometry geometry, int topN) {
        return score(geometric, pooled, null, response, geometry, topN);
    }

    /** @param meanState the mean response hidden state ({@link ActivationPooler#meanState}); read only if {@link #readsHiddenStates} */
    public Score score(Score geometric, float[] pooled, float[] meanState, String response, FeatureGeometry geometry, int topN) {
        double fromHidden = hiddenContribution(meanState);
        double logit = weights.bias() + fromHidden + weights.proximity() * geometric.proximity()
                + weights.toxicMass() * geometric.toxicMass() + weights.contrast() * geometric.contrast();
        List<FeatureContribution> features = new ArrayList<>();
        for (int j = 0; j < featureIds.length; j++) {
            int i = featureIds[j];
            if (pooled[i] != 0) {
                double c = featureWeights[j] * pooled[i];
                logit += c;
                int nearest = geometry.nearestToxic()[i];
                features.add(new FeatureContribution(i, pooled[i], nearest, geometry.proximity()[i], geometry.labelOf(nearest), c));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String term : ResponseWords.terms(response)) {
            if (terms.containsKey(term)) {
                counts.merge(term, 1, Integer::sum);
            }
        }
        List<TermContribution> words = new ArrayList<>(counts.size());
        for (var e : counts.entrySet()) {
            double c = weights.times(e.getValue()) * terms.get(e.getKey());
            logit += c;
            words.add(new TermContribution(e.getKey(), e.getValue(), c));
        }
        features.sort(Comparator.comparingDouble(FeatureContribution::contribution).reversed());
        words.sort(Comparator.comparingDouble(TermContribution::contribution).reversed());
        return new Score(1 / (1 + Math.exp(-logit)), geometric.proximity(), geometric.toxicMass(), geometric.contrast(),
                List.copyOf(features.subList(0, Math.min(topN, features.size()))),
                List.copyOf(words.subList(0, Math.min(topN, words.size()))), readsHiddenStates() ? fromHidden : null);
    }

    private static void requireFinite(String what, Double value) {
        if (value == null || !Double.isFinite(value)) {
            throw new IllegalArgumentException("readout weight of " + what + " is " + value + ", not a finite number");
        }
    }
}
