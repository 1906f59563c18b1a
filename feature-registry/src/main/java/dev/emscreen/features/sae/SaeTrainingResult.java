package dev.emscreen.features.sae;

/** A trained SAE with what its training measured. */
public record SaeTrainingResult(SparseAutoencoder sae, SaeMetrics metrics) {
}
