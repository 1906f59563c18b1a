package dev.emscreen.features.scoring;

import java.util.List;

/**
 * @param value       the routing score, by the feature set's scorer
 * @param proximity   activation-weighted proximity to toxic features
 * @param toxicMass   share of activation on toxic features
 * @param contrast    toxic mass less the mass on benign features (0 without benign features)
 * @param top         the features that contributed most
 * @param terms       the response's words that contributed most (learned readout only; empty otherwise)
 * @param hiddenState what the mean response hidden state added to a learned readout's log-odds ({@code h·x̄});
 *                    null for a score that did not read it. It is the one part of the logit no feature or word
 *                    names, so a verdict states it rather than leave the named evidence to look like all of it.
 */
public record Score(double value, double proximity, double toxicMass, double contrast, List<FeatureContribution> top,
                    List<TermContribution> terms, Double hiddenState) {

    /** A score that did not read the hidden state (geometric scorers, readouts without hidden weights). */
    public Score(double value, double proximity, double toxicMass, double contrast, List<FeatureContribution> top,
                 List<TermContribution> terms) {
        this(value, proximity, toxicMass, contrast, top, terms, null);
    }
}
