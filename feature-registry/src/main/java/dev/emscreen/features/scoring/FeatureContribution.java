package dev.emscreen.features.scoring;

/**
 * One feature's part in a score: why a sample was routed where it was.
 *
 * @param contribution what the feature added to the score: activation × proximity under a geometric
 *                     scorer, weight × activation (in log-odds) under the learned readout
 */
public record FeatureContribution(int featureId, double activation, int nearestToxicFeature, double cosine, String label,
                                  double contribution) {
}
