package dev.emscreen.features.scoring;

/** How a sample's token activations become one activation per feature. */
public enum Pooling {
    /** Average over the selected tokens: how present a feature is throughout. */
    MEAN,
    /** Largest over the selected tokens: whether a feature fires strongly anywhere. */
    MAX
}
