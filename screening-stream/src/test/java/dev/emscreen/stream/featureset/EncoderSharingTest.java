package dev.emscreen.stream.featureset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.encoder.ChatTemplate;
import dev.emscreen.features.encoder.OnnxLanguageModelEncoder;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.sae.SaeTrainer;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.FeatureGeometry;
import dev.emscreen.features.scoring.Pooling;
import dev.emscreen.features.scoring.ScorerKind;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A language model is gigabytes: a swap between sets that read the same model with the same files
 * keeps the one loaded, and a set whose model files differ (here, its chat template) gets its own.
 */
class EncoderSharingTest {

    @TempDir
    Path dir;

    private final ActiveFeatureSet active = new ActiveFeatureSet();

    @AfterEach
    void close() {
        active.close();
    }

    @Test
    void setsReadingTheSameLanguageModelFilesShareOneEncoderAndOthersDoNot() throws Exception {
        // Given three sets on the tiny ONNX language model: two with the same files, one with a chat template too
        Path model = Path.of(System.getProperty("test.tinyLmOnnx"));
        Path tokenizer = dir.resolve("tokenizer.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, tokenizer);
        }
        Path template = dir.resolve("template.json");
        new ChatTemplate("{% for m in messages %}{{ m['role'] }}: {{ m['content'] }}\n{% endfor %}", "", "").write(template);
        Path first;
        Path second;
        Path templated;
        try (SparseAutoencoder sae = sae(16)) {
            Map<String, Path> files = new HashMap<>(Map.of(FeatureSetBundle.ENCODER_ONNX_FILE, model, FeatureSetBundle.ENCODER_TOKENIZER_FILE,
                    tokenizer));
            first = write(dir.resolve("first"), sae, files, 0.5);
            second = write(dir.resolve("second"), sae, files, 0.6);
            files.put(FeatureSetBundle.ENCODER_CHAT_TEMPLATE_FILE, template);
            templated = write(dir.resolve("templated"), sae, files, 0.6);
        }
        FeatureSetLoader loader = new FeatureSetLoader(active, dir.resolve("cache"), Truncation.TRUNCATE, 3);

        // When they are served one after another
        assertThat(loader.loadPath(first)).isTrue();
        TextEncoder firstEncoder = active.current().orElseThrow().encoder();
        assertThat(loader.loadPath(second)).isTrue();
        TextEncoder secondEncoder = active.current().orElseThrow().encoder();
        assertThat(loader.loadPath(templated)).isTrue();

        // Then the second reuses the first's model, and the one with another chat template opens its own
        assertThat(firstEncoder).isInstanceOf(OnnxLanguageModelEncoder.class);
        assertThat(secondEncoder).isSameAs(firstEncoder);
        assertThat(active.current().orElseThrow().encoder()).isNotSameAs(firstEncoder);
        assertThat(active.current().orElseThrow().encoderDevice()).isEqualTo("cpu");
    }

    private static SparseAutoencoder sae(int width) {
        Random random = new Random(5);
        float[][] states = new float[400][width];
        for (float[] state : states) {
            for (int j = 0; j < width; j++) {
                state[j] = (float) random.nextGaussian();
            }
        }
        return new SaeTrainer().train(states, SaeTrainer.Config.of(32, 4, 1), (d, t, l) -> { }).sae();
    }

    private static Path write(Path bundle, SparseAutoencoder sae, Map<String, Path> files, double review) throws Exception {
        var toxic = List.of(new FeatureGeometry.ToxicFeature(1, 0.5, "a toxic feature"));
        FeatureSetManifest draft = new FeatureSetManifest(FeatureSetManifest.FORMAT, null, "2026-12-01T00:00:00Z", null,
                new FeatureSetManifest.Encoder("onnx:sha256:" + dev.emscreen.features.bundle.Sha256.of(files.get(FeatureSetBundle.ENCODER_ONNX_FILE)),
                        OnnxLanguageModelEncoder.KIND, 2, Pooling.MEAN, 64, true),
                new FeatureSetManifest.Sae(FeatureSetBundle.SAE_FILE, sae.architecture(), sae.dModel(), sae.dSae(), sae.k()),
                toxic.stream().map(t -> new FeatureSetManifest.Toxic(t.id(), t.weight(), t.label())).toList(), List.of(),
                FeatureSetBundle.PROXIMITY_FILE, ScorerKind.PROXIMITY,
                new FeatureSetManifest.Thresholds(review, 0.99, "CONTROL_BUDGET", 0.02, 0.1), Map.of(), null);
        FeatureSetBundle.write(bundle, draft, sae, FeatureGeometry.of(sae.directions(), toxic), files);
        return bundle;
    }
}
