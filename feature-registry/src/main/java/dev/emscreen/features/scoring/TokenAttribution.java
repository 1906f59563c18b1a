package dev.emscreen.features.scoring;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.lexical.ResponseWords;
import dev.emscreen.features.sae.SparseAutoencoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Which words of a response drive its score. The score is a sum over features (and, for a readout,
 * words) of a contribution each; this class hands every feature's contribution to the tokens that
 * made its pooled activation (the one maximal token under MAX pooling, every token by its share
 * under MEAN) and every word's contribution to its occurrences (split equally when the term counts
 * once per response) and the hidden-state term's to each token by its own state, then adds them up
 * per span of the response.
 *
 * <p>For a geometric scorer the contributions sum to the score itself (a feature's share of the
 * activation mass times its proximity, toxic or ±1 value); for a readout they sum to its logit, less
 * the bias. Either way a red word pushed the sample towards quarantine and a blue one away from it.
 */
public final class TokenAttribution {

    /** A stretch of the response, [start, end) in {@link ChatText#response()}, and what it adds to the score. */
    public record Segment(int start, int end, double contribution) {
    }

    /** @param unit "score" or "logit": what the contributions add up to */
    public record Highlights(String response, String unit, List<Segment> segments) {
    }

    private TokenAttribution() {
    }

    public static Highlights of(SparseAutoencoder sae, TokenStates states, ChatText text, Pooling pooling, boolean responseOnly,
                                ProximityScorer scorer, Readout readout) {
        String response = text.response();
        double[] perChar = new double[response.length()];
        int[] rows = ActivationPooler.rowsRead(states, responseOnly);
        float[][] activations;
        float[] pooled;
        try (NDManager scope = sae.manager().newSubManager()) {
            NDArray features = sae.encode(scope.create(ActivationPooler.select(states, responseOnly)));
            activations = split(features.toFloatArray(), rows.length);
            pooled = ActivationPooler.pool(features, pooling);
        }
        double[] perFeature = featureContributions(pooled, scorer, readout);
        for (int i = 0; i < perFeature.length; i++) {
            if (perFeature[i] != 0) {
                spreadOverTokens(i, perFeature[i], activations, rows, pooling, states, text, perChar);
            }
        }
        if (readout != null) {
            addWords(readout, response, perChar);
            if (readout.readsHiddenStates()) {
                addHiddenState(readout, states, rows, text, perChar);
            }
        }
        return new Highlights(response, readout == null ? "score" : "logit", segments(perChar));
    }

    /** A feature's part of the score, given the pooled activations (see the class comment). */
    static double[] featureContributions(float[] pooled, ProximityScorer scorer, Readout readout) {
        if (readout == null) {
            return scorer.contributions(pooled, scorer.kind());
        }
        double[] proximity = scorer.contributions(pooled, ScorerKind.PROXIMITY);
        double[] mass = scorer.contributions(pooled, ScorerKind.TOXIC_MASS);
        double[] contrast = scorer.contributions(pooled, ScorerKind.CONTRAST);
        Readout.Weights w = readout.weights();
        double[] contribution = new double[pooled.length];
        for (int i = 0; i < pooled.length; i++) {
            contribution[i] = w.proximity() * proximity[i] + w.toxicMass() * mass[i] + w.contrast() * contrast[i];
        }
        w.features().forEach((id, weight) -> contribution[id] += weight * pooled[id]);
        return contribution;
    }

    private static void spreadOverTokens(int feature, double contribution, float[][] activations, int[] rows, Pooling pooling,
                                         TokenStates states, ChatText text, double[] perChar) {
        if (pooling == Pooling.MAX) {
            int best = -1;
            for (int r = 0; r < activations.length; r++) {
                if (activations[r][feature] > 0 && (best < 0 || activations[r][feature] > activations[best][feature])) {
                    best = r;
                }
            }
            if (best >= 0) {
                addToToken(states.spans()[rows[best]], contribution, text, perChar);
            }
            return;
        }
        double sum = 0;
        for (float[] row : activations) {
            sum += Math.max(0, row[feature]);
        }
        for (int r = 0; r < activations.length && sum > 0; r++) {
            if (activations[r][feature] > 0) {
                addToToken(states.spans()[rows[r]], contribution * activations[r][feature] / sum, text, perChar);
            }
        }
    }

    /** A token's share goes to its characters inside the response; a prompt token's share is not drawn. */
    private static void addToToken(int[] span, double contribution, ChatText text, double[] perChar) {
        if (span == null || span[1] <= span[0]) {
            return;
        }
        int start = text.responseOffset(span[0]);
        int end = text.responseOffset(span[1]);
        if (start < 0 || end < 0) {
            return;
        }
        for (int c = start; c < end && c < perChar.length; c++) {
            perChar[c] += contribution;
        }
    }

    /**
     * The hidden-state term {@code h·x̄} is the mean of {@code h·x_t} over the tokens read, so each token
     * gets {@code h·x_t / T}: the tokens whose states point along the readout's direction.
     */
    private static void addHiddenState(Readout readout, TokenStates states, int[] rows, ChatText text, double[] perChar) {
        for (int row : rows) {
            double share = readout.hiddenContribution(states.hidden()[row]) / rows.length;
            addToToken(states.spans()[row], share, text, perChar);
        }
    }

    private static void addWords(Readout readout, String response, double[] perChar) {
        List<int[]> spans = ResponseWords.wordSpans(response);
        List<String> terms = ResponseWords.terms(response);
        Map<String, Integer> occurrences = new HashMap<>();
        terms.forEach(t -> occurrences.merge(t, 1, Integer::sum));
        // Each occurrence gets its share of what the term adds to the logit (all of its weight, or an
        // equal part of it when the term counts once per response).
        ToDoubleFunction<String> share = t -> {
            int n = occurrences.get(t);
            return readout.weights().terms().getOrDefault(t, 0.0) * ((double) readout.weights().times(n) / n);
        };
        int words = spans.size();
        for (int w = 0; w < words; w++) {
            addRange(spans.get(w), share.applyAsDouble(terms.get(w)), perChar);
        }
        for (int b = 0; b + 1 < words; b++) {
            double pair = share.applyAsDouble(terms.get(words + b));
            addRange(spans.get(b), pair / 2, perChar); // a word pair's weight, half to each word
            addRange(spans.get(b + 1), pair / 2, perChar);
        }
    }

    private static void addRange(int[] span, double value, double[] perChar) {
        for (int c = span[0]; c < span[1] && value != 0; c++) {
            perChar[c] += value;
        }
    }

    /** Runs of characters with the same contribution; zero runs included, so the segments tile the response. */
    private static List<Segment> segments(double[] perChar) {
        List<Segment> segments = new ArrayList<>();
        int start = 0;
        for (int c = 1; c <= perChar.length; c++) {
            if (c == perChar.length || perChar[c] != perChar[start]) {
                segments.add(new Segment(start, c, perChar[start]));
                start = c;
            }
        }
        return segments;
    }

    private static float[][] split(float[] flat, int rows) {
        int width = flat.length / rows;
        float[][] out = new float[rows][];
        for (int r = 0; r < rows; r++) {
            out[r] = java.util.Arrays.copyOfRange(flat, r * width, (r + 1) * width);
        }
        return out;
    }
}
