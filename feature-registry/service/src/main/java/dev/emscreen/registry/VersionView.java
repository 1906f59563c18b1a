package dev.emscreen.registry;

import dev.emscreen.records.FeatureSetVersion;
import java.util.List;
import java.util.Map;

/** A feature-set version as JSON. */
public record VersionView(String version, String status, String createdAt, String encoder, String scorer,
                          double reviewThreshold, double quarantineThreshold, Map<String, Double> metrics,
                          String parentVersion, String bundleSha256, String bundleUri, List<Feature> toxicFeatures) {

    public record Feature(int id, double weight, String label) {
    }

    static VersionView of(FeatureSetVersion v) {
        return new VersionView(v.getVersion(), v.getStatus().name(), v.getCreatedAt().toString(), v.getEncoderRef().getId(),
                v.getScorer(), v.getThresholds().getReview(), v.getThresholds().getQuarantine(), Map.copyOf(v.getMetrics()),
                v.getParentVersion(), v.getBundle() == null ? null : v.getBundle().getSha256(),
                v.getBundle() == null ? null : v.getBundle().getUri(),
                v.getToxicFeatures().stream().map(t -> new Feature(t.getId(), t.getWeight(), t.getLabel())).toList());
    }
}
