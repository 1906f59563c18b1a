package dev.emscreen.features.scoring;

import java.util.List;

/**
 * @param value     the routing score, by the feature set's scorer
 * @param proximity activation-weighted proximity to toxic features
 * @param toxicMass share of activation on toxic features
 * @param top       the features that contributed most (activation × proximity)
 */
public record Score(double value, double proximity, double toxicMass, List<FeatureContribution> top) {
}
