package dev.emscreen.features.bundle;

import dev.emscreen.records.ArtifactRef;
import dev.emscreen.records.EncoderRef;
import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.records.SaeRef;
import dev.emscreen.records.Thresholds;
import dev.emscreen.records.ToxicFeature;
import java.net.URI;
import java.time.Instant;
import java.util.Map;

/** The change-feed entry that announces a bundle: what a stream needs to fetch, verify and serve it. */
public final class FeatureSetVersions {

    private FeatureSetVersions() {
    }

    /**
     * @param archive       where the bundle's zip can be fetched ({@code file:} or {@code http(s):})
     * @param archiveSha256 the zip's sha256, checked before anything inside it is read
     */
    public static FeatureSetVersion of(FeatureSetManifest manifest, FeatureSetStatus status, URI archive, String archiveSha256) {
        String base = archive.toString();
        FeatureSetManifest.Encoder encoder = manifest.encoder();
        FeatureSetManifest.Sae sae = manifest.sae();
        return FeatureSetVersion.newBuilder()
                .setVersion(manifest.version())
                .setStatus(status)
                .setCreatedAt(Instant.parse(manifest.createdAt()))
                .setEncoderRef(new EncoderRef(encoder.id(), encoder.kind(), encoder.layer(), encoder.pooling().name(),
                        encoder.maxTokens()))
                .setSae(new SaeRef(base + "#" + sae.file(), manifest.files().get(sae.file()), sae.architecture(), sae.dModel(),
                        sae.dSae(), sae.k()))
                .setToxicFeatures(manifest.toxicFeatures().stream()
                        .map(t -> new ToxicFeature(t.id(), t.weight(), t.label())).toList())
                .setProximity(new ArtifactRef(base + "#" + manifest.proximityFile(), manifest.files().get(manifest.proximityFile())))
                .setScorer(manifest.scorer().name())
                .setThresholds(new Thresholds(manifest.thresholds().review(), manifest.thresholds().quarantine()))
                .setMetrics(manifest.metrics() == null ? Map.of() : Map.copyOf(manifest.metrics()))
                .setParentVersion(manifest.parentVersion())
                .setBundle(new ArtifactRef(base, archiveSha256))
                .build();
    }

    /**
     * The change feed's topic: one partition, because promote and retire must be read in the order
     * written; compacted, because only each version's latest status matters.
     */
    public static org.apache.kafka.clients.admin.NewTopic feedTopic(String name, java.util.Optional<Short> replication) {
        return new org.apache.kafka.clients.admin.NewTopic(name, java.util.Optional.of(1), replication)
                .configs(Map.of(org.apache.kafka.common.config.TopicConfig.CLEANUP_POLICY_CONFIG,
                        org.apache.kafka.common.config.TopicConfig.CLEANUP_POLICY_COMPACT));
    }

    /**
     * The same entry under another status (promotion, retirement). A shallow copy on purpose:
     * Avro's {@code newBuilder(other)} deep-copies through the thread's class loader, which under
     * framework class loading (Quarkus tests) can be another copy of these classes.
     */
    public static FeatureSetVersion withStatus(FeatureSetVersion v, FeatureSetStatus status) {
        return new FeatureSetVersion(v.getVersion(), status, v.getCreatedAt(), v.getEncoderRef(), v.getSae(),
                v.getToxicFeatures(), v.getProximity(), v.getScorer(), v.getThresholds(), v.getMetrics(), v.getParentVersion(),
                v.getBundle());
    }
}
