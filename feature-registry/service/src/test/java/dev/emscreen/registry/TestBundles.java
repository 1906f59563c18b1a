package dev.emscreen.registry;

import dev.emscreen.features.bundle.BundleArchive;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.sae.SaeTrainer;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.FeatureGeometry;
import dev.emscreen.features.scoring.Pooling;
import dev.emscreen.features.scoring.ScorerKind;
import dev.emscreen.records.SaeArchitecture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** Small real bundles (an SAE trained on random 8-d states) with the toxic features and thresholds a test picks. */
final class TestBundles {

    private TestBundles() {
    }

    static Path zip(Path dir, long seed, List<Integer> toxic, double review, double quarantine, double auroc) throws Exception {
        Random random = new Random(seed);
        float[][] tokens = new float[300][8];
        for (float[] t : tokens) {
            for (int j = 0; j < t.length; j++) {
                t[j] = (float) random.nextGaussian();
            }
        }
        Path bundle = dir.resolve("bundle-" + seed);
        try (SparseAutoencoder sae = new SaeTrainer().train(tokens, SaeTrainer.Config.of(16, 2, 1), (d, t, l) -> { }).sae()) {
            List<FeatureGeometry.ToxicFeature> features = toxic.stream()
                    .map(id -> new FeatureGeometry.ToxicFeature(id, 0.3, "feature " + id)).toList();
            FeatureSetManifest draft = new FeatureSetManifest(FeatureSetManifest.FORMAT, null, "2026-11-23T00:00:00Z", null,
                    new FeatureSetManifest.Encoder("test-encoder", "ONNX", -1, Pooling.MEAN, 64, true),
                    new FeatureSetManifest.Sae(FeatureSetBundle.SAE_FILE, SaeArchitecture.TOPK, 8, 16, 2),
                    features.stream().map(f -> new FeatureSetManifest.Toxic(f.id(), f.weight(), f.label())).toList(), List.of(),
                    FeatureSetBundle.PROXIMITY_FILE, ScorerKind.PROXIMITY,
                    new FeatureSetManifest.Thresholds(review, quarantine, "CONTROL_BUDGET", 0.02, 0.1),
                    Map.of("validation.auroc", auroc), null);
            FeatureSetBundle.write(bundle, draft, sae, FeatureGeometry.of(sae.directions(), features));
        }
        Path zip = dir.resolve("bundle-" + seed + ".zip");
        BundleArchive.pack(bundle, zip);
        return zip;
    }
}
