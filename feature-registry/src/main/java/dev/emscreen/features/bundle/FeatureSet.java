package dev.emscreen.features.bundle;

import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.ActivationPooler;
import dev.emscreen.features.scoring.ProximityScorer;
import dev.emscreen.features.scoring.Routing;
import dev.emscreen.features.scoring.Score;

/** A loaded, verified feature set: SAE, scorer and thresholds, ready to score token states. */
public final class FeatureSet implements AutoCloseable {

    private final FeatureSetManifest manifest;
    private final SparseAutoencoder sae;
    private final ProximityScorer scorer;
    private final Routing routing;
    private final java.nio.file.Path directory;

    public FeatureSet(java.nio.file.Path directory, FeatureSetManifest manifest, SparseAutoencoder sae,
                      ProximityScorer scorer, Routing routing) {
        this.directory = directory;
        this.manifest = manifest;
        this.sae = sae;
        this.scorer = scorer;
        this.routing = routing;
    }

    public String version() {
        return manifest.version();
    }

    /** The verified folder the set was loaded from (for files such as a bundled encoder). */
    public java.nio.file.Path directory() {
        return directory;
    }

    public FeatureSetManifest manifest() {
        return manifest;
    }

    public SparseAutoencoder sae() {
        return sae;
    }

    public ProximityScorer scorer() {
        return scorer;
    }

    public Routing routing() {
        return routing;
    }

    public float[] pool(TokenStates states) {
        return ActivationPooler.pool(sae, states, manifest.encoder().pooling(), manifest.encoder().responseOnly());
    }

    public Score score(TokenStates states, int topN) {
        return scorer.score(pool(states), topN);
    }

    @Override
    public void close() {
        sae.close();
    }
}
