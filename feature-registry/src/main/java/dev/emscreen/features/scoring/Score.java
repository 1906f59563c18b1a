package dev.emscreen.features.scoring;

import java.util.List;

/**
 * @param value     the routing score, by the feature set's scorer
 * @param proximity activation-weighted proximity to toxic features
 * @param toxicMass share of activation on toxic features
 * @param contrast  toxic mass less the mass on benign features (0 without benign features)
 * @param top       the features that contributed most
 * @param terms     the response's words that contributed most (learned readout only; empty otherwise)
 */
public record Score(double value, double proximity, double toxicMass, double contrast, List<FeatureContribution> top,
                    List<TermContribution> terms) {
}
