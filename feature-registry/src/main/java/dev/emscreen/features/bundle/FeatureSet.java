package dev.emscreen.features.bundle;

import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.ActivationPooler;
import dev.emscreen.features.scoring.ProximityScorer;
import dev.emscreen.features.scoring.Readout;
import dev.emscreen.features.scoring.Routing;
import dev.emscreen.features.scoring.Score;
import dev.emscreen.features.scoring.ScorerKind;
import dev.emscreen.features.scoring.TokenAttribution;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/** A loaded, verified feature set: SAE, scorer (geometric, or a learned readout) and thresholds, ready to score. */
public final class FeatureSet implements AutoCloseable {

    private final FeatureSetManifest manifest;
    private final SparseAutoencoder sae;
    private final ProximityScorer scorer;
    private final Routing routing;
    private final Map<String, Routing> routingByDomain = new HashMap<>();
    private final Readout readout;
    private final Path directory;

    public FeatureSet(Path directory, FeatureSetManifest manifest, SparseAutoencoder sae, ProximityScorer scorer,
                      Routing routing) {
        this(directory, manifest, sae, scorer, routing, null);
    }

    /** @param readout the learned readout that turns the evidence into the score; null for a geometric scorer */
    public FeatureSet(Path directory, FeatureSetManifest manifest, SparseAutoencoder sae, ProximityScorer scorer,
                      Routing routing, Readout readout) {
        this.directory = directory;
        this.manifest = manifest;
        this.sae = sae;
        this.scorer = scorer;
        this.routing = routing;
        this.readout = readout;
        if (manifest.thresholds() != null && manifest.thresholds().byDomain() != null) {
            manifest.thresholds().byDomain().forEach((domain, t) -> routingByDomain.put(domain, routing.withThresholds(t.review(), t.quarantine())));
        }
    }

    public String version() {
        return manifest.version();
    }

    /** The verified folder the set was loaded from (for files such as a bundled encoder). */
    public Path directory() {
        return directory;
    }

    public FeatureSetManifest manifest() {
        return manifest;
    }

    public SparseAutoencoder sae() {
        return sae;
    }

    /** The geometric scorer: the set's score unless it has a readout, and the readout's inputs if it has. */
    public ProximityScorer scorer() {
        return scorer;
    }

    /** What the routing score is: a geometric scorer's kind, or READOUT. */
    public ScorerKind scorerKind() {
        return readout == null ? scorer.kind() : ScorerKind.READOUT;
    }

    public Readout readout() {
        return readout;
    }

    /** The global thresholds. */
    public Routing routing() {
        return routing;
    }

    /** The thresholds for a sample of {@code domain}: its own where the set has them, else the global ones. */
    public Routing routing(String domain) {
        return domain == null ? routing : routingByDomain.getOrDefault(domain, routing);
    }

    public float[] pool(TokenStates states) {
        return ActivationPooler.pool(sae, states, manifest.encoder().pooling(), manifest.encoder().responseOnly());
    }

    public Score score(TokenStates states, int topN) {
        float[] pooled = pool(states);
        Score geometric = scorer.score(pooled, topN);
        if (readout == null) {
            return geometric;
        }
        float[] meanState = readout.readsHiddenStates() ? ActivationPooler.meanState(states, manifest.encoder().responseOnly()) : null;
        return readout.score(geometric, pooled, meanState, states.responseText(), scorer.geometry(), topN);
    }

    /** Which stretches of the response drive {@link #score}; {@code states} must be {@code text}'s. */
    public TokenAttribution.Highlights highlights(TokenStates states, ChatText text) {
        return TokenAttribution.of(sae, states, text, manifest.encoder().pooling(), manifest.encoder().responseOnly(), scorer, readout);
    }

    @Override
    public void close() {
        sae.close();
    }
}
