package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDList;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.encoder.ChatTemplate;
import dev.emscreen.features.encoder.Encoders;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.Truncation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's path with the tiny models: a causal LM exported as ONNX with every hidden state, its
 * tokenizer.json and tokenizer_config.json (chat template) side by side as Hugging Face keeps them, and
 * a Gemma Scope SAE for its layer 1; {@code train --onnx-model --sae} builds the set, which then opens and
 * scores from its bundle alone.
 */
class OnnxLanguageModelFeatureSetTest {

    /** A turn layout of Gemma's kind, written for this test. */
    private static final String TURNS = "{{ bos_token }}{% for m in messages %}<start_of_turn>"
            + "{{ 'model' if m['role'] == 'assistant' else m['role'] }}\n{{ m['content'] | trim }}<end_of_turn>\n{% endfor %}";

    @TempDir
    Path dir;

    @Test
    void anOnnxModelWithItsChatTemplateAndAGemmaScopeSaeBuildAndServeFromTheBundle() throws Exception {
        // Given the model as deploy/models exports it, with its tokenizer files beside it
        Path export = Files.createDirectories(dir.resolve("export"));
        Path model = Files.copy(Path.of(System.getProperty("emscreen.tinyLmOnnx")), export.resolve("encoder-model.onnx"));
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, export.resolve("tokenizer.json"));
        }
        Files.writeString(export.resolve("tokenizer_config.json"), new com.fasterxml.jackson.databind.ObjectMapper()
                .writeValueAsString(Map.of("chat_template", TURNS, "bos_token", "[CLS]", "eos_token", "[SEP]")));
        Path params = PretrainedSaeFeatureSetTest.write(dir.resolve("gemma-scope-2b-pt-res/layer_1/width_16k/average_l0_20/params.npz"),
                NDList.Encoding.NPZ, 16, true);
        Path seed = SeedSlice.write(dir.resolve("seed"));
        Path out = dir.resolve("fs");

        // When the set is built
        Cli.Run run = Cli.run("train", "--out", out.toString(), "--data", seed.toString(), "--onnx-model", model.toString(),
                "--tokenizer", export.resolve("tokenizer.json").toString(), "--max-tokens", "128", "--toxic", "10",
                "--sae", params.toString());

        // Then it reads the state after block 1 through the chat template, and the bundle carries all it needs
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Chat template from").contains("Reading the model's output 2");
        FeatureSetManifest manifest = FeatureSetBundle.readManifest(out);
        assertThat(manifest.encoder().kind()).isEqualTo("ONNX_LM");
        assertThat(manifest.encoder().layer()).isEqualTo(2);
        assertThat(manifest.files()).containsKeys(FeatureSetBundle.ENCODER_ONNX_FILE, FeatureSetBundle.ENCODER_TOKENIZER_FILE,
                FeatureSetBundle.ENCODER_CHAT_TEMPLATE_FILE);
        assertThat(ChatTemplate.read(out.resolve(FeatureSetBundle.ENCODER_CHAT_TEMPLATE_FILE)))
                .isEqualTo(new ChatTemplate(TURNS, "[CLS]", "[SEP]"));
        deleteAll(export);

        try (FeatureSet set = FeatureSetBundle.load(out); TextEncoder encoder = Encoders.open(set, Truncation.TRUNCATE)) {
            assertThat(encoder.kind()).isEqualTo("ONNX_LM");
            assertThat(ServedAuroc.onValidation(set, encoder, SeedData.load(seed)))
                    .isCloseTo(manifest.metrics().get("validation.auroc"), offset(1e-9));
        }
    }

    @Test
    void twoModelsAModelWithoutTokenizerOrWeightsABundleCannotCarryAreUsageErrors() throws Exception {
        Path onnx = Path.of(System.getProperty("emscreen.tinyLmOnnx"));
        Cli.Run both = Cli.run("train", "--out", dir.resolve("fs").toString(), "--onnx-model", onnx.toString(),
                "--torchscript-model", System.getProperty("emscreen.tinyLm"), "--tokenizer", "t.json");
        assertThat(both.exit()).isEqualTo(2);
        assertThat(both.err()).contains("--torchscript-model and --onnx-model each name the model: give one");
        Cli.Run noTokenizer = Cli.run("train", "--out", dir.resolve("fs").toString(), "--onnx-model", onnx.toString());
        assertThat(noTokenizer.exit()).isEqualTo(2);
        assertThat(noTokenizer.err()).contains("--onnx-model needs --tokenizer");
        Path elsewhere = Files.createDirectories(dir.resolve("optimum"));
        Path model = Files.copy(onnx, elsewhere.resolve("model.onnx"));
        Files.writeString(elsewhere.resolve("model.onnx_data"), "weights");
        Cli.Run otherWeights = Cli.run("train", "--out", dir.resolve("fs").toString(), "--onnx-model", model.toString(),
                "--tokenizer", "t.json");
        assertThat(otherWeights.exit()).isEqualTo(2);
        assertThat(otherWeights.err()).contains("keeps its weights in model.onnx_data; a bundle carries them as encoder-model.onnx.data");
        assertThat(dir.resolve("fs")).doesNotExist();
    }

    private static void deleteAll(Path folder) throws Exception {
        try (var files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.delete(f);
            }
        }
        Files.delete(folder);
    }
}
