package dev.emscreen.trainer;

import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.ActivationPooler;
import dev.emscreen.features.scoring.FeatureGeometry;
import dev.emscreen.features.scoring.Pooling;
import dev.emscreen.records.ChatMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A human-readable label for a feature: the start of the labelled text of its side (harmful text for a
 * toxic feature, sound text for a benign one) that activates it most. Taking the top text of either
 * side labelled some toxic features with sound advice, which explains nothing to an annotator.
 * Once a set is chosen its features are labelled more sharply ({@link #bySentence}): by the sentence
 * of that text on which the feature fires most, since where both sides of an answer share their
 * opener (as in the seed corpus) the start of a text names the opener, not the harm.
 */
final class FeatureLabels {

    private static final int LENGTH = 80;

    private FeatureLabels() {
    }

    static String snippet(List<LabelledText> texts, float[][] pooled, int feature, boolean harmful) {
        return shortened(texts.get(labelText(texts, pooled, feature, harmful)).response());
    }

    /**
     * The geometry with every toxic and benign feature relabelled by the sentence (a line, for code)
     * of its label text that, encoded alone, activates it most; a feature no sentence activates keeps
     * its label.
     */
    static FeatureGeometry bySentence(FeatureGeometry geometry, List<LabelledText> texts, float[][] pooled, TextEncoder encoder,
                                      SparseAutoencoder sae, Pooling pooling) {
        List<List<String>> toxicSentences = labelSentences(geometry.toxic(), texts, pooled, true);
        List<List<String>> benignSentences = labelSentences(geometry.benign(), texts, pooled, false);
        Map<String, float[]> activations = new LinkedHashMap<>();
        java.util.stream.Stream.concat(toxicSentences.stream(), benignSentences.stream()).flatMap(List::stream)
                .forEach(s -> activations.put(s, null));
        List<String> unique = new ArrayList<>(activations.keySet());
        List<TokenStates> states = TextEncoder.encodeAll(encoder, unique.stream()
                .map(s -> ChatText.of(List.of(new ChatMessage("assistant", s)))).toList(), done -> { });
        for (int i = 0; i < unique.size(); i++) {
            activations.put(unique.get(i), ActivationPooler.poolEach(sae, states.get(i), true, pooling)[0]);
        }
        return new FeatureGeometry(relabel(geometry.toxic(), toxicSentences, activations), geometry.proximity(),
                geometry.nearestToxic(), relabel(geometry.benign(), benignSentences, activations));
    }

    /** The sentences of each feature's label text, in the features' order. */
    private static List<List<String>> labelSentences(List<FeatureGeometry.ToxicFeature> features, List<LabelledText> texts,
                                                     float[][] pooled, boolean harmful) {
        return features.stream().map(f -> sentences(texts.get(labelText(texts, pooled, f.id(), harmful)).response())).toList();
    }

    private static List<FeatureGeometry.ToxicFeature> relabel(List<FeatureGeometry.ToxicFeature> features,
                                                              List<List<String>> sentences, Map<String, float[]> activations) {
        List<FeatureGeometry.ToxicFeature> relabelled = new ArrayList<>();
        for (int i = 0; i < features.size(); i++) {
            FeatureGeometry.ToxicFeature f = features.get(i);
            String best = null;
            for (String s : sentences.get(i)) {
                if (activations.get(s)[f.id()] > 0 && (best == null || activations.get(s)[f.id()] > activations.get(best)[f.id()])) {
                    best = s;
                }
            }
            relabelled.add(best == null ? f : new FeatureGeometry.ToxicFeature(f.id(), f.weight(), shortened(best)));
        }
        return relabelled;
    }

    /** A response's sentences (each line of code is one), without blanks; at most 40. */
    static List<String> sentences(String response) {
        return response.lines().flatMap(line -> java.util.Arrays.stream(line.split("(?<=[.!?])\\s+")))
                .map(String::strip).filter(s -> s.length() > 2).distinct().limit(40).toList();
    }

    private static int labelText(List<LabelledText> texts, float[][] pooled, int feature, boolean harmful) {
        int best = top(texts, pooled, feature, harmful);
        return best >= 0 ? best : top(texts, pooled, feature, null);
    }

    private static String shortened(String text) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= LENGTH ? flat : flat.substring(0, LENGTH - 1) + "…";
    }

    /** The training text labelled {@code side} (null: any) on which {@code feature} is highest; -1 if none. */
    private static int top(List<LabelledText> texts, float[][] pooled, int feature, Boolean side) {
        int best = -1;
        for (int i = 0; i < texts.size(); i++) {
            LabelledText t = texts.get(i);
            if (t.isTrain() && (side == null || side.equals(t.positive())) && (best < 0 || pooled[i][feature] > pooled[best][feature])) {
                best = i;
            }
        }
        return best;
    }
}
