package dev.emscreen.features.bundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emscreen.features.sae.SaeFormatException;
import dev.emscreen.features.sae.SaeTrainer;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.FeatureGeometry;
import dev.emscreen.features.scoring.Pooling;
import dev.emscreen.features.scoring.Readout;
import dev.emscreen.features.scoring.ReviewAudit;
import dev.emscreen.features.scoring.ScorerKind;
import dev.emscreen.records.SaeArchitecture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSetBundleTest {

    @TempDir
    Path dir;
    private Path bundle;
    private FeatureSetManifest written;

    @BeforeEach
    void writeABundle() throws Exception {
        bundle = dir.resolve("fs");
        float[][] tokens = new Random(5).doubles(400 * 8).collect(() -> new float[400][8], (a, v) -> { }, (a, b) -> { });
        Random random = new Random(5);
        for (float[] t : tokens) {
            for (int j = 0; j < t.length; j++) {
                t[j] = (float) random.nextGaussian();
            }
        }
        try (SparseAutoencoder sae = new SaeTrainer().train(tokens, SaeTrainer.Config.of(16, 2, 1), (d, t, l) -> { }).sae()) {
            FeatureGeometry geometry = FeatureGeometry.of(sae.directions(),
                    List.of(new FeatureGeometry.ToxicFeature(3, 0.4, "deceive the user")));
            written = FeatureSetBundle.write(bundle, manifest(), sae, geometry);
        }
    }

    private static FeatureSetManifest manifest() {
        return new FeatureSetManifest(FeatureSetManifest.FORMAT, null, "2026-11-23T00:00:00Z", null,
                new FeatureSetManifest.Encoder("test-encoder", "ONNX", -1, Pooling.MEAN, 64, true),
                new FeatureSetManifest.Sae(FeatureSetBundle.SAE_FILE, SaeArchitecture.TOPK, 8, 16, 2),
                List.of(new FeatureSetManifest.Toxic(3, 0.4, "deceive the user")),
                List.of(new FeatureSetManifest.Toxic(5, 0.3, "see a doctor")), FeatureSetBundle.PROXIMITY_FILE,
                ScorerKind.PROXIMITY, new FeatureSetManifest.Thresholds(0.3, 0.6, "CONTROL_BUDGET", 0.02, 0.1),
                Map.of("validation.auroc", 0.8), null);
    }

    @Test
    void aManifestWrittenBeforeLaterFieldsStillHashesToItsVersion() throws Exception {
        // The default set's manifest as the trainer wrote it before sae.source existed: a field added since
        // must not change how an old manifest serialises, or every deployed bundle would be refused.
        Path file = Path.of(getClass().getResource("/manifests/written-before-sae-source.json").toURI());
        FeatureSetManifest old = FeatureSetBundle.JSON.readValue(file.toFile(), FeatureSetManifest.class);

        assertThat(old.sae().source()).isNull();
        assertThat(FeatureSetBundle.versionOf(old.withVersion(null))).isEqualTo(old.version());
    }

    @Test
    void loadsWhatWasWrittenWithAContentVersion() throws Exception {
        try (FeatureSet set = FeatureSetBundle.load(bundle)) {
            assertThat(set.version()).isEqualTo(written.version()).startsWith("fs-");
            assertThat(set.scorer().geometry().proximity()[3]).isEqualTo(1f);
            assertThat(set.scorer().geometry().benign()).extracting(FeatureGeometry.ToxicFeature::id).containsExactly(5);
            assertThat(set.routing().quarantine()).isEqualTo(0.6);
            assertThat(set.sae().dSae()).isEqualTo(16);
        }
        assertThat(written.files()).containsOnlyKeys(FeatureSetBundle.SAE_FILE, FeatureSetBundle.PROXIMITY_FILE);
    }

    @Test
    void aLearnedReadoutAndPerDomainThresholdsSurviveTheRoundTrip() throws Exception {
        Path withReadout = dir.resolve("readout");
        Readout.Weights weights = new Readout.Weights(-0.5, 1.5, 0.2, 0.0, new java.util.TreeMap<>(Map.of(3, 0.7, 9, -0.2)),
                new java.util.TreeMap<>(Map.of("ignore", 1.1, "see a", -0.9)), Readout.TermCounting.ONCE_PER_RESPONSE, "fitted by the test");
        var thresholds = new FeatureSetManifest.Thresholds(0.3, 0.6, "CONTROL_BUDGET", 0.02, 0.1,
                Map.of("code", new FeatureSetManifest.DomainThresholds(0.4, 0.9, 60, 70)));
        var choice = new FeatureSetManifest.ScorerChoice("target labels", 60, 70, Map.of("MEAN READOUT", 0.91), "best");
        FeatureSetManifest m = manifest();
        FeatureSetManifest draft = new FeatureSetManifest(m.format(), null, m.createdAt(), null, m.encoder(), m.sae(),
                m.toxicFeatures(), m.benignFeatures(), m.proximityFile(), ScorerKind.READOUT, thresholds, m.metrics(), null,
                null, choice);
        FeatureSetManifest readoutManifest;
        try (SparseAutoencoder sae = smallSae()) {
            readoutManifest = FeatureSetBundle.write(withReadout, draft, sae, FeatureGeometry.of(sae.directions(),
                    List.of(new FeatureGeometry.ToxicFeature(3, 0.4, "deceive the user"))), Map.of(), weights);
        }

        try (FeatureSet set = FeatureSetBundle.load(withReadout)) {
            assertThat(set.version()).isEqualTo(readoutManifest.version()).isNotEqualTo(written.version());
            assertThat(set.scorerKind()).isEqualTo(ScorerKind.READOUT);
            assertThat(set.readout().weights()).isEqualTo(weights);
            assertThat(set.manifest().scorerChoice()).isEqualTo(choice);
            assertThat(set.routing("code").review()).isEqualTo(0.4);
            assertThat(set.routing("health").review()).isEqualTo(0.3);
            assertThat(set.routing(null).quarantine()).isEqualTo(0.6);
        }
        assertThat(readoutManifest.files()).containsKey(FeatureSetBundle.READOUT_FILE);
        // A geometric set written as before keeps its manifest free of the new fields (and so its version).
        assertThat(Files.readString(bundle.resolve(FeatureSetBundle.MANIFEST))).doesNotContain("readoutFile", "byDomain", "scorerChoice");
    }

    @Test
    void theReviewSelectionSurvivesTheRoundTripAndItsAuditRoutesEveryDomain() throws Exception {
        var random = new FeatureSetManifest.ReviewSelection(FeatureSetManifest.ReviewSelection.RANDOM_AUDIT, 0.05, null, null, 12, 64,
                "young");
        var leastSure = new FeatureSetManifest.ReviewSelection(FeatureSetManifest.ReviewSelection.LEAST_SURE, 0.02, 0.1, 0.2, 80, 64,
                "grown");

        try (FeatureSet set = FeatureSetBundle.load(withSelection("random", random))) {
            assertThat(set.manifest().thresholds().reviewSelection()).isEqualTo(random);
            assertThat(set.routing().audit()).isEqualTo(new ReviewAudit.AtRandom(0.05));
            assertThat(set.routing("code").audit()).isEqualTo(new ReviewAudit.AtRandom(0.05));
            assertThat(set.routing("code").review()).isEqualTo(0.4);
        }
        try (FeatureSet set = FeatureSetBundle.load(withSelection("least-sure", leastSure))) {
            assertThat(set.manifest().thresholds().reviewSelection()).isEqualTo(leastSure);
            assertThat(set.routing().audit()).isEqualTo(new ReviewAudit.NearestMiddle(0.1, 0.2));
        }
        try (FeatureSet set = FeatureSetBundle.load(bundle)) {
            assertThat(set.routing().audit()).isEqualTo(ReviewAudit.NONE);
        }
        assertThat(Files.readString(bundle.resolve(FeatureSetBundle.MANIFEST))).doesNotContain("reviewSelection", "audit");
        assertThat(Files.readString(dir.resolve("random").resolve(FeatureSetBundle.MANIFEST))).doesNotContain("\"from\"");
    }

    @Test
    void aReviewSelectionThatCannotBeFollowedIsRefusedNamingTheRule() throws Exception {
        Path unknown = withSelection("unknown", new FeatureSetManifest.ReviewSelection("ASK_EVERYONE", 0.05, null, null, 12, 64, "?"));
        Path bandWithShare = withSelection("band", new FeatureSetManifest.ReviewSelection(FeatureSetManifest.ReviewSelection.BAND,
                0.05, null, null, 80, 64, "?"));
        Path wholeTraffic = withSelection("whole", new FeatureSetManifest.ReviewSelection(
                FeatureSetManifest.ReviewSelection.RANDOM_AUDIT, 1.0, null, null, 2, 64, "?"));
        Path noWindow = withSelection("no-window", new FeatureSetManifest.ReviewSelection(
                FeatureSetManifest.ReviewSelection.LEAST_SURE, 0.02, null, null, 80, 64, "?"));

        assertThatThrownBy(() -> FeatureSetBundle.load(unknown)).isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("unknown review selection rule 'ASK_EVERYONE'");
        assertThatThrownBy(() -> FeatureSetBundle.load(bandWithShare)).isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("BAND sends nothing beside the band");
        assertThatThrownBy(() -> FeatureSetBundle.load(wholeTraffic)).isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("[0, 1)");
        assertThatThrownBy(() -> FeatureSetBundle.load(noWindow)).isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("LEAST_SURE needs its window");
    }

    private Path withSelection(String name, FeatureSetManifest.ReviewSelection selection) throws Exception {
        var thresholds = new FeatureSetManifest.Thresholds(0.3, 0.6, "CONTROL_BUDGET", 0.02, 0.1,
                Map.of("code", new FeatureSetManifest.DomainThresholds(0.4, 0.9, 60, 70)), selection);
        FeatureSetManifest m = manifest();
        FeatureSetManifest draft = new FeatureSetManifest(m.format(), null, m.createdAt(), null, m.encoder(), m.sae(),
                m.toxicFeatures(), m.benignFeatures(), m.proximityFile(), m.scorer(), thresholds, m.metrics(), null);
        Path out = dir.resolve(name);
        try (SparseAutoencoder sae = smallSae()) {
            FeatureSetBundle.write(out, draft, sae, FeatureGeometry.of(sae.directions(),
                    List.of(new FeatureGeometry.ToxicFeature(3, 0.4, "deceive the user"))));
        }
        return out;
    }

    @Test
    void aReadoutThatReadsHiddenStatesSurvivesTheRoundTripAndIsCheckedAgainstTheModelWidth() throws Exception {
        List<Double> hidden = List.of(0.5, -0.25, 0.0, 1.0, 0.125, -2.0, 0.75, 0.3);
        Readout.Weights weights = new Readout.Weights(-0.5, 1.5, 0.2, 0.0, new java.util.TreeMap<>(Map.of(3, 0.7)),
                new java.util.TreeMap<>(Map.of("ignore", 1.1)), hidden, Readout.TermCounting.ONCE_PER_RESPONSE, "fitted by the test");
        Readout.Weights tooWide = new Readout.Weights(0, 0, 0, 0, Map.of(), Map.of(), java.util.Collections.nCopies(9, 0.1),
                Readout.TermCounting.ONCE_PER_RESPONSE, "wrong");
        FeatureSetManifest m = manifest();
        FeatureSetManifest draft = new FeatureSetManifest(m.format(), null, m.createdAt(), null, m.encoder(), m.sae(),
                m.toxicFeatures(), m.benignFeatures(), m.proximityFile(), ScorerKind.READOUT, m.thresholds(), m.metrics(), null);
        try (SparseAutoencoder sae = smallSae()) {
            FeatureGeometry geometry = FeatureGeometry.of(sae.directions(), List.of(new FeatureGeometry.ToxicFeature(3, 0.4, "deceive the user")));
            FeatureSetBundle.write(dir.resolve("hidden"), draft, sae, geometry, Map.of(), weights);
            FeatureSetBundle.write(dir.resolve("too-wide"), draft, sae, geometry, Map.of(), tooWide);
        }

        try (FeatureSet set = FeatureSetBundle.load(dir.resolve("hidden"))) {
            assertThat(set.readout().weights()).isEqualTo(weights);
            assertThat(set.readout().readsHiddenStates()).isTrue();
        }
        assertThatThrownBy(() -> FeatureSetBundle.load(dir.resolve("too-wide"))).isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("9 hidden-state weights, but the SAE reads 8-wide hidden states");
    }

    @Test
    void aReadoutThatDoesNotFitTheSaeIsRefusedNamingTheFile() throws Exception {
        Readout.Weights outside = new Readout.Weights(0, 0, 0, 0, Map.of(99, 1.0), Map.of(), "wrong");
        FeatureSetManifest m = manifest();
        FeatureSetManifest draft = new FeatureSetManifest(m.format(), null, m.createdAt(), null, m.encoder(), m.sae(),
                m.toxicFeatures(), m.benignFeatures(), m.proximityFile(), ScorerKind.READOUT, m.thresholds(), m.metrics(), null);
        Path wrong = dir.resolve("wrong");
        try (SparseAutoencoder sae = smallSae()) {
            FeatureSetBundle.write(wrong, draft, sae, FeatureGeometry.of(sae.directions(),
                    List.of(new FeatureGeometry.ToxicFeature(3, 0.4, "deceive the user"))), Map.of(), outside);
            assertThatThrownBy(() -> FeatureSetBundle.write(dir.resolve("none"), draft, sae, FeatureGeometry.of(sae.directions(),
                    List.of(new FeatureGeometry.ToxicFeature(3, 0.4, "deceive the user"))), Map.of(), null))
                    .hasMessageContaining("a READOUT scorer needs readout weights");
        }

        assertThatThrownBy(() -> FeatureSetBundle.load(wrong)).isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("readout.json is not a valid readout", "feature 99, outside the SAE's 16 features");
    }

    private static SparseAutoencoder smallSae() {
        Random random = new Random(5);
        float[][] tokens = new float[400][8];
        for (float[] t : tokens) {
            for (int j = 0; j < t.length; j++) {
                t[j] = (float) random.nextGaussian();
            }
        }
        return new SaeTrainer().train(tokens, SaeTrainer.Config.of(16, 2, 1), (d, t, l) -> { }).sae();
    }

    @Test
    void theArchiveLoadsToTheSameVersion() throws Exception {
        Path zip = dir.resolve("fs.zip");
        BundleArchive.pack(bundle, zip);
        try (FeatureSet set = FeatureSetBundle.load(zip)) {
            assertThat(set.version()).isEqualTo(written.version());
        }
    }

    @Test
    void aCorruptArtifactIsRefused() throws Exception {
        byte[] sae = Files.readAllBytes(bundle.resolve(FeatureSetBundle.SAE_FILE));
        sae[sae.length - 1] ^= 1;
        Files.write(bundle.resolve(FeatureSetBundle.SAE_FILE), sae);

        assertThatThrownBy(() -> FeatureSetBundle.load(bundle))
                .isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("sae.safetensors has sha256")
                .hasMessageContaining("corrupt or altered");
    }

    @Test
    void aTruncatedArtifactIsRefused() throws Exception {
        Path file = bundle.resolve(FeatureSetBundle.PROXIMITY_FILE);
        Files.write(file, java.util.Arrays.copyOf(Files.readAllBytes(file), 10));

        assertThatThrownBy(() -> FeatureSetBundle.load(bundle)).isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("proximity.safetensors has sha256");
    }

    @Test
    void anAlteredManifestIsRefused() throws Exception {
        Path manifest = bundle.resolve(FeatureSetBundle.MANIFEST);
        Files.writeString(manifest, Files.readString(manifest).replace("\"quarantine\" : 0.6", "\"quarantine\" : 0.99"));

        assertThatThrownBy(() -> FeatureSetBundle.load(bundle)).isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("does not match the manifest's content");
    }

    @Test
    void aMissingFileOrManifestIsRefused() throws Exception {
        Files.delete(bundle.resolve(FeatureSetBundle.SAE_FILE));
        assertThatThrownBy(() -> FeatureSetBundle.load(bundle)).hasMessageContaining("sae.safetensors is missing");
        assertThatThrownBy(() -> FeatureSetBundle.load(dir.resolve("nowhere")))
                .hasMessageContaining("is not a feature-set bundle");
    }

    @Test
    void aBadArchiveIsRefused() throws Exception {
        Path zip = dir.resolve("bad.zip");
        Files.writeString(zip, "not a zip at all");
        assertThatThrownBy(() -> FeatureSetBundle.load(zip)).isInstanceOf(BundleVerificationException.class);
    }

    @Test
    void anSaeOfTheWrongShapeIsAClearError() throws Exception {
        try (var manager = ai.djl.ndarray.NDManager.newBaseManager("PyTorch")) {
            var wEnc = manager.zeros(new ai.djl.ndarray.types.Shape(8, 16));
            wEnc.setName("W_enc");
            var wDec = manager.zeros(new ai.djl.ndarray.types.Shape(8, 8));
            wDec.setName("W_dec");
            var bEnc = manager.zeros(new ai.djl.ndarray.types.Shape(16));
            bEnc.setName("b_enc");
            var bDec = manager.zeros(new ai.djl.ndarray.types.Shape(8));
            bDec.setName("b_dec");
            Path file = dir.resolve("wrong.safetensors");
            try (var out = Files.newOutputStream(file)) {
                new ai.djl.ndarray.NDList(wEnc, wDec, bEnc, bDec).encode(out, ai.djl.ndarray.NDList.Encoding.SAFETENSORS);
            }
            assertThatThrownBy(() -> dev.emscreen.features.sae.SaeFiles.read(file, 2))
                    .isInstanceOf(SaeFormatException.class)
                    .hasMessageContaining("'W_dec' has shape (8, 8), expected [16, 8]");
        }
    }
}
