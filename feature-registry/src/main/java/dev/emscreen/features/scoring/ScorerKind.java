package dev.emscreen.features.scoring;

import java.util.List;

/** The per-sample scores a feature set can route by. The trainer picks one on held-back labelled data. */
public enum ScorerKind {
    /** Σ a_i·p_i / Σ a_i: how close, by decoder geometry, the active features lie to toxic ones. */
    PROXIMITY,
    /** Σ_{t toxic} a_t / Σ a_i: the share of activation that falls on toxic features themselves. */
    TOXIC_MASS,
    /**
     * (Σ_{t toxic} a_t − Σ_{b benign} a_b) / Σ a_i: toxic mass less the mass on the features most
     * associated with sound answers, so a sample is not flagged for merely touching a risky subject.
     */
    CONTRAST,
    /**
     * A sparse logistic readout learned from labelled samples (annotators' rulings, a team's labels)
     * over the pooled SAE activations, the three geometric scores and the response's words: the
     * probability that the sample is inducing. Needs labels; see {@link Readout}.
     */
    READOUT;

    /** The scorers that need no labels beyond the seed: decoder geometry alone. */
    public static List<ScorerKind> geometric() {
        return List.of(PROXIMITY, TOXIC_MASS, CONTRAST);
    }
}
