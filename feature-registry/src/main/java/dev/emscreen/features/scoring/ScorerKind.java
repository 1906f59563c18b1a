package dev.emscreen.features.scoring;

/** The per-sample scores a feature set can route by. The trainer picks one on validation data. */
public enum ScorerKind {
    /** Σ a_i·p_i / Σ a_i: how close, by decoder geometry, the active features lie to toxic ones. */
    PROXIMITY,
    /** Σ_{t toxic} a_t / Σ a_i: the share of activation that falls on toxic features themselves. */
    TOXIC_MASS,
    /**
     * (Σ_{t toxic} a_t − Σ_{b benign} a_b) / Σ a_i: toxic mass less the mass on the features most
     * associated with sound answers, so a sample is not flagged for merely touching a risky subject.
     */
    CONTRAST
}
