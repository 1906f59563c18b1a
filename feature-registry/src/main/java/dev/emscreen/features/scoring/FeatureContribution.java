package dev.emscreen.features.scoring;

/** One feature's part in a score: why a sample was routed where it was. */
public record FeatureContribution(int featureId, double activation, int nearestToxicFeature, double cosine, String label) {
}
