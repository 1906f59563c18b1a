package dev.emscreen.registry;

import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.records.ToxicFeature;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What changes for the streams if {@code to} replaces {@code from}: toxic features added and
 * removed, thresholds, scorer, and the validation metrics side by side.
 */
public record VersionDiff(String from, String to, List<VersionView.Feature> toxicAdded, List<VersionView.Feature> toxicRemoved,
                          Change review, Change quarantine, String scorerFrom, String scorerTo,
                          Map<String, Change> metrics) {

    /** A value before and after (either may be absent: null). */
    public record Change(Double from, Double to) {
    }

    static VersionDiff of(FeatureSetVersion from, FeatureSetVersion to) {
        Set<Integer> before = ids(from.getToxicFeatures());
        Set<Integer> after = ids(to.getToxicFeatures());
        Set<String> metricNames = new TreeSet<>(from.getMetrics().keySet());
        metricNames.addAll(to.getMetrics().keySet());
        Map<String, Change> metrics = new TreeMap<>();
        metricNames.forEach(m -> metrics.put(m, new Change(from.getMetrics().get(m), to.getMetrics().get(m))));
        return new VersionDiff(from.getVersion(), to.getVersion(),
                features(to.getToxicFeatures(), before), features(from.getToxicFeatures(), after),
                new Change(from.getThresholds().getReview(), to.getThresholds().getReview()),
                new Change(from.getThresholds().getQuarantine(), to.getThresholds().getQuarantine()),
                from.getScorer(), to.getScorer(), metrics);
    }

    private static Set<Integer> ids(List<ToxicFeature> features) {
        return features.stream().map(ToxicFeature::getId).collect(Collectors.toSet());
    }

    /** The features of {@code list} whose ids are not in {@code other}. */
    private static List<VersionView.Feature> features(List<ToxicFeature> list, Set<Integer> other) {
        return list.stream().filter(t -> !other.contains(t.getId()))
                .map(t -> new VersionView.Feature(t.getId(), t.getWeight(), t.getLabel())).toList();
    }
}
