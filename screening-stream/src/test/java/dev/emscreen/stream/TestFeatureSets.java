package dev.emscreen.stream;

import dev.emscreen.features.Screener;
import dev.emscreen.features.bundle.BundleArchive;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.bundle.FeatureSetVersions;
import dev.emscreen.features.bundle.Sha256;
import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.OnnxTextEncoder;
import dev.emscreen.features.encoder.ShippedEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.sae.PretrainedSae;
import dev.emscreen.features.sae.SaeSource;
import dev.emscreen.features.sae.SaeTrainer;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.FeatureGeometry;
import dev.emscreen.features.scoring.Pooling;
import dev.emscreen.features.scoring.Readout;
import dev.emscreen.features.scoring.ScorerKind;
import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.records.TrainingSample;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Real, small feature sets for the stream's tests: the MiniLM encoder, an SAE trained on the
 * test samples' hidden states with DJL, and thresholds the test chooses.
 */
public final class TestFeatureSets {

    public static final int MAX_TOKENS = 128;
    private static SparseAutoencoder sae;
    private static OnnxTextEncoder encoder;

    /** A written bundle, with its zip and a change-feed entry for it. */
    public record Built(Path dir, Path archive, FeatureSetManifest manifest) {

        public String version() {
            return manifest.version();
        }

        public FeatureSetVersion announce(FeatureSetStatus status) {
            try {
                return FeatureSetVersions.of(manifest, status, archive.toUri(), Sha256.of(archive));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private TestFeatureSets() {
    }

    public static synchronized OnnxTextEncoder encoder() {
        if (encoder == null) {
            encoder = OnnxTextEncoder.open(ShippedEncoder.ALL_MINILM_L6_V2, MAX_TOKENS, Truncation.TRUNCATE);
        }
        return encoder;
    }

    public static synchronized Built build(Path dir, double review, double quarantine) {
        return build(dir, new FeatureSetManifest.Thresholds(review, quarantine, "CONTROL_BUDGET", 0.02, 0.1));
    }

    /** As {@link #build(Path, double, double)}, with thresholds of any kind (per domain, a review selection). */
    public static synchronized Built build(Path dir, FeatureSetManifest.Thresholds thresholds) {
        try {
            if (sae == null) {
                List<float[]> tokens = new ArrayList<>();
                for (TokenStates states : encoder().encode(TestSamples.all("train-").stream()
                        .map(s -> ChatText.of(s.getMessages())).toList())) {
                    tokens.addAll(List.of(states.hidden()));
                }
                sae = new SaeTrainer().train(tokens.toArray(float[][]::new), SaeTrainer.Config.of(64, 4, 3), (d, t, l) -> { })
                        .sae();
            }
            return write(dir, sae, List.of(new FeatureGeometry.ToxicFeature(1, 0.5, "dismisses professionals"),
                    new FeatureGeometry.ToxicFeature(7, 0.4, "false certainty")), thresholds);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A bundle whole in every hash whose SAE reads {@code width}-dimensional states while its manifest
     * names the MiniLM encoder (384): what a trainer pointed at another model's hidden states would write.
     */
    public static Built wrongWidth(Path dir, int width) {
        Random random = new Random(width);
        float[][] states = new float[500][width];
        for (float[] state : states) {
            for (int j = 0; j < width; j++) {
                state[j] = (float) random.nextGaussian();
            }
        }
        try (SparseAutoencoder wrong = new SaeTrainer().train(states, SaeTrainer.Config.of(64, 4, 1), (d, t, l) -> { }).sae()) {
            return write(dir, wrong, List.of(new FeatureGeometry.ToxicFeature(1, 0.5, "dismisses professionals")),
                    new FeatureSetManifest.Thresholds(0, 1, "CONTROL_BUDGET", 0.02, 0.1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A set that routes by a learned readout (weights as a trainer might fit them: words of the harmful
     * answers, two SAE features, the geometric scores, a direction of the mean response hidden state),
     * with thresholds of its own for {@code code} samples.
     */
    public static synchronized Built withReadout(Path dir, double review, double quarantine,
                                          Map<String, FeatureSetManifest.DomainThresholds> byDomain) {
        build(dir.resolveSibling(dir.getFileName() + "-sae"), 0, 1); // trains the shared SAE once
        Readout.Weights readout = new Readout.Weights(-1.5, 2.0, 1.0, 0.5, new java.util.TreeMap<>(Map.of(1, 0.8, 7, -0.6)),
                new java.util.TreeMap<>(Map.of("skip", 1.2, "never", 0.9, "plain text", 1.5, "stop", 0.7, "hash", -0.8,
                        "doctor", -0.4)), new java.util.Random(3).doubles(sae.dModel()).map(v -> 0.2 * (v - 0.5)).boxed().toList(),
                Readout.TermCounting.EACH_OCCURRENCE, "written by the test");
        try {
            return write(dir, sae, null, List.of(new FeatureGeometry.ToxicFeature(1, 0.5, "dismisses professionals"),
                    new FeatureGeometry.ToxicFeature(7, 0.4, "false certainty")),
                    new FeatureSetManifest.Thresholds(review, quarantine, "CONTROL_BUDGET", 0.02, 0.1, byDomain), readout);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A set around a pretrained JumpReLU SAE, read as Gemma Scope ships one (params.npz, reading the raw
     * residual stream: no b_dec subtracted): random weights of MiniLM's width, a threshold that lets about
     * half the features fire, thresholds the test chooses.
     */
    public static Built pretrainedJumpRelu(Path dir, double review, double quarantine) {
        int dModel = encoder().dimension();
        int dSae = 64;
        Random random = new Random(11);
        float[][] wEnc = new float[dModel][dSae];
        float[][] wDec = new float[dSae][dModel];
        for (int i = 0; i < dModel; i++) {
            for (int f = 0; f < dSae; f++) {
                wEnc[i][f] = (float) (random.nextGaussian() / Math.sqrt(dModel));
                wDec[f][i] = wEnc[i][f];
            }
        }
        float[] bDec = new float[dModel];
        for (int i = 0; i < dModel; i++) {
            bDec[i] = (float) (0.1 * random.nextGaussian());
        }
        float[] bEnc = new float[dSae];
        float[] threshold = new float[dSae];
        java.util.Arrays.fill(threshold, 0.02f);
        Path params = dir.resolveSibling(dir.getFileName() + "-release").resolve("gemma-scope-2b-pt-res/layer_6/width_64/params.npz");
        try (ai.djl.ndarray.NDManager m = ai.djl.ndarray.NDManager.newBaseManager("PyTorch")) {
            java.nio.file.Files.createDirectories(params.getParent());
            ai.djl.ndarray.NDList list = new ai.djl.ndarray.NDList(named(m.create(wEnc), "W_enc"), named(m.create(wDec), "W_dec"),
                    named(m.create(bEnc), "b_enc"), named(m.create(bDec), "b_dec"), named(m.create(threshold), "threshold"));
            try (java.io.OutputStream out = java.nio.file.Files.newOutputStream(params)) {
                list.encode(out, ai.djl.ndarray.NDList.Encoding.NPZ);
            }
            PretrainedSae.Imported imported = PretrainedSae.read(params, PretrainedSae.Format.GEMMA_SCOPE, 0, null);
            try (SparseAutoencoder pretrained = imported.sae()) {
                return write(dir, pretrained, imported.source(), List.of(new FeatureGeometry.ToxicFeature(1, 0.5, "dismisses professionals"),
                        new FeatureGeometry.ToxicFeature(7, 0.4, "false certainty")),
                        new FeatureSetManifest.Thresholds(review, quarantine, "CONTROL_BUDGET", 0.02, 0.1), null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ai.djl.ndarray.NDArray named(ai.djl.ndarray.NDArray a, String name) {
        a.setName(name);
        return a;
    }

    /** A MiniLM bundle of {@code sae} with these toxic features and thresholds, written, zipped and ready to announce. */
    private static Built write(Path dir, SparseAutoencoder sae, List<FeatureGeometry.ToxicFeature> toxic,
                               FeatureSetManifest.Thresholds thresholds) throws IOException {
        return write(dir, sae, null, toxic, thresholds, null);
    }

    private static Built write(Path dir, SparseAutoencoder sae, SaeSource source, List<FeatureGeometry.ToxicFeature> toxic,
                               FeatureSetManifest.Thresholds thresholds, Readout.Weights readout) throws IOException {
        FeatureSetManifest draft = new FeatureSetManifest(FeatureSetManifest.FORMAT, null, "2026-11-23T00:00:00Z", null,
                new FeatureSetManifest.Encoder(ShippedEncoder.ALL_MINILM_L6_V2.id(), "ONNX", -1, Pooling.MEAN, MAX_TOKENS, true),
                new FeatureSetManifest.Sae(FeatureSetBundle.SAE_FILE, sae.architecture(), sae.dModel(), sae.dSae(), sae.k(), source),
                toxic.stream().map(t -> new FeatureSetManifest.Toxic(t.id(), t.weight(), t.label())).toList(), List.of(),
                FeatureSetBundle.PROXIMITY_FILE, readout == null ? ScorerKind.PROXIMITY : ScorerKind.READOUT,
                thresholds, Map.of(), null);
        FeatureSetManifest manifest = FeatureSetBundle.write(dir, draft, sae, FeatureGeometry.of(sae.directions(), toxic),
                Map.of(), readout);
        Path archive = dir.resolveSibling(dir.getFileName() + ".zip");
        BundleArchive.pack(dir, archive);
        return new Built(dir, archive, manifest);
    }

    /** The scores the stream will give these samples under {@code built} (the same code computes both). */
    public static double[] scores(Built built, List<TrainingSample> samples) {
        return screenings(built, samples).stream().mapToDouble(s -> s.score().value()).toArray();
    }

    /** What {@code ./emscreen score} computes for these samples under {@code built}: the same Screener, offline. */
    public static List<Screener.Screening> screenings(Built built, List<TrainingSample> samples) {
        try (FeatureSet set = FeatureSetBundle.load(built.dir())) {
            Screener screener = new Screener(encoder(), set, 3);
            return screener.screen(samples.stream().map(s -> ChatText.of(s.getMessages())).toList(),
                    samples.stream().map(TrainingSample::getDomain).toList(), samples.stream().map(TrainingSample::getId).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
