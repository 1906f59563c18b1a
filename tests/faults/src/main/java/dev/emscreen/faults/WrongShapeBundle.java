package dev.emscreen.faults;

import dev.emscreen.features.bundle.BundleArchive;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.sae.SaeTrainer;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.FeatureGeometry;
import dev.emscreen.features.scoring.Readout;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;

/**
 * {@code WrongShapeBundle BASE_DIR OUT_DIR}: a bundle like BASE in every respect (encoder, toxic features,
 * thresholds) but whose SAE was trained on 128-dimensional states: the kind of set a trainer pointed at
 * the wrong model's hidden states would write. Every hash and the version are right, the SAE agrees
 * with the manifest, so only the encoder's width gives it away. Runs on the trainer's classpath
 * ({@link TrainerProcess#runMain}), which carries DJL; the suite itself does not.
 */
public final class WrongShapeBundle {

    static final int WRONG_WIDTH = 128;

    private WrongShapeBundle() {
    }

    public static void main(String[] args) throws Exception {
        Path base = Path.of(args[0]);
        Path out = Path.of(args[1]);
        FeatureSetManifest like = FeatureSetBundle.readManifest(base);
        Random random = new Random(7);
        float[][] states = new float[2_000][WRONG_WIDTH];
        for (float[] state : states) {
            for (int j = 0; j < state.length; j++) {
                state[j] = (float) random.nextGaussian();
            }
        }
        var config = SaeTrainer.Config.of(like.sae().dSae(), like.sae().k(), 1);
        try (SparseAutoencoder sae = new SaeTrainer().train(states, config, (d, t, l) -> { }).sae()) {
            var toxic = like.toxicFeatures().stream().map(t -> new FeatureGeometry.ToxicFeature(t.id(), t.weight(), t.label())).toList();
            FeatureSetManifest draft = new FeatureSetManifest(like.format(), null, Instant.now().toString(), like.version(),
                    like.encoder(), new FeatureSetManifest.Sae(like.sae().file(), like.sae().architecture(), WRONG_WIDTH,
                    sae.dSae(), sae.k()), like.toxicFeatures(), like.benignFeatures(), like.proximityFile(), like.scorer(),
                    like.thresholds(), like.metrics(), null);
            // The base's readout too, when it serves one (a seed build now does): its weights are per SAE
            // feature, and the wrong-width SAE has as many features, so the bundle is consistent in every
            // respect but the width.
            Readout.Weights readout;
            try (FeatureSet set = FeatureSetBundle.load(base)) {
                readout = set.readout() == null ? null : set.readout().weights();
            }
            FeatureSetManifest written = FeatureSetBundle.write(out, draft, sae, FeatureGeometry.of(sae.directions(), toxic),
                    java.util.Map.of(), readout);
            BundleArchive.pack(out, out.resolveSibling(out.getFileName() + ".zip"));
            System.out.println("wrote " + written.version() + ": SAE " + WRONG_WIDTH + "x" + sae.dSae() + " for encoder "
                    + like.encoder().id());
        }
    }
}
