package dev.emscreen.features.sae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.emscreen.records.SaeArchitecture;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pretrained SAEs as their releases lay them out: Gemma Scope's params.npz under layer_L/width_W, and a
 * SAELens folder of sae_weights.safetensors with cfg.json, written here with the public names.
 * d_model 2, d_sae 3; b_dec is not zero, so whether it is subtracted before encoding shows in the result.
 */
class PretrainedSaeTest {

    @TempDir
    Path dir;

    private static final float[][] W_ENC = {{1, 0, 1}, {0, 1, 1}};
    private static final float[] B_ENC = {0, 0, -1};
    private static final float[] B_DEC = {0.5f, -0.5f};
    private static final float[] THRESHOLD = {0.5f, 0.5f, 0.5f};

    private Path write(Path file, NDList.Encoding encoding, boolean withThreshold) throws Exception {
        Files.createDirectories(file.getParent());
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            NDList list = new NDList(named(m.create(W_ENC), "W_enc"), named(m.create(new float[][] {{1, 0}, {0, 1}, {0.6f, 0.8f}}), "W_dec"),
                    named(m.create(B_ENC), "b_enc"), named(m.create(B_DEC), "b_dec"));
            if (withThreshold) {
                list.add(named(m.create(THRESHOLD), "threshold"));
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                list.encode(out, encoding);
            }
        }
        return file;
    }

    private Path saeLens(String name, String cfg, boolean withThreshold) throws Exception {
        Path folder = dir.resolve(name);
        write(folder.resolve("sae_weights.safetensors"), NDList.Encoding.SAFETENSORS, withThreshold);
        Files.writeString(folder.resolve("cfg.json"), cfg);
        return folder;
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    private static float[] encode(SparseAutoencoder sae, float... hidden) {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            return sae.encode(m.create(new float[][] {hidden})).toFloatArray();
        }
    }

    @Test
    void gemmaScopeReadsTheRawResidualStreamAndSaysWhereItCameFrom() throws Exception {
        Path file = write(dir.resolve("gemma-scope-2b-pt-res/layer_12/width_16k/average_l0_82/params.npz"), NDList.Encoding.NPZ, true);
        PretrainedSae.Imported imported = PretrainedSae.read(file, PretrainedSae.Format.guess(file), 0, null);
        try (SparseAutoencoder sae = imported.sae()) {
            assertThat(sae.architecture()).isEqualTo(SaeArchitecture.JUMPRELU);
            // Gemma Scope: pre = h·W_enc + b_enc, no b_dec subtracted. h = (2, 0.4): pre = (2, 0.4, 1.4).
            assertThat(encode(sae, 2f, 0.4f)).containsExactly(new float[] {2f, 0f, 1.4f}, offset(1e-5f));
        }
        assertThat(imported.source()).isEqualTo(new SaeSource("gemma-scope",
                "gemma-scope-2b-pt-res/layer_12/width_16k/average_l0_82/params.npz", "gemma-scope-2b-pt-res", null,
                "blocks.12.hook_resid_post", 12, 3, "jumprelu", imported.source().note()));
        assertThat(imported.source().note()).contains("b_dec·W_enc folded into b_enc");
    }

    @Test
    void theSameSaeKeptInTwoPlacesIsRecordedAlike() throws Exception {
        // The manifest (and so the set's version) names the SAE, not where this machine keeps it.
        Path here = write(dir.resolve("a/gemma-scope-2b-pt-res/layer_12/width_16k/average_l0_82/params.npz"), NDList.Encoding.NPZ, true);
        Path there = write(dir.resolve("b/c/gemma-scope-2b-pt-res/layer_12/width_16k/average_l0_82/params.npz"), NDList.Encoding.NPZ, true);
        Path unnamed = write(dir.resolve("d/e/f/g/sae_weights/params.npz"), NDList.Encoding.NPZ, true);
        PretrainedSae.Imported one = PretrainedSae.read(here, PretrainedSae.Format.GEMMA_SCOPE, 0, null);
        PretrainedSae.Imported other = PretrainedSae.read(there.getParent(), PretrainedSae.Format.GEMMA_SCOPE, 0, null);
        PretrainedSae.Imported third = PretrainedSae.read(unnamed, PretrainedSae.Format.GEMMA_SCOPE, 0, "gemma-scope-2b-pt-res");
        try (SparseAutoencoder a = one.sae(); SparseAutoencoder b = other.sae(); SparseAutoencoder c = third.sae()) {
            assertThat(one.source()).isEqualTo(other.source());
            assertThat(one.source().file()).isEqualTo("gemma-scope-2b-pt-res/layer_12/width_16k/average_l0_82/params.npz");
            assertThat(third.source().file()).isEqualTo("f/g/sae_weights/params.npz").doesNotContain(dir.toString());
        }
    }

    @Test
    void aParamsNpzWrittenByNumpyReadsAsGemmaScopeShipsIt() throws Exception {
        // Made by src/test/sae/make_numpy_params_npz.py with numpy.savez, as Gemma Scope's files are.
        Path file = Path.of(getClass().getResource("/gemma-scope-2b-pt-res/layer_1/width_4/average_l0_2/params.npz").toURI());
        PretrainedSae.Imported imported = PretrainedSae.read(file.getParent(), PretrainedSae.Format.guess(file.getParent()), 0, null);
        try (SparseAutoencoder sae = imported.sae()) {
            assertThat(sae.dModel()).isEqualTo(3);
            assertThat(sae.dSae()).isEqualTo(4);
            // h·W_enc + b_enc = (2, 0.4, 1.4, 1); 0.4 is under its threshold of 0.5.
            assertThat(encode(sae, 2f, 0.4f, 1f)).containsExactly(new float[] {2f, 0f, 1.4f, 1f}, offset(1e-5f));
        }
        assertThat(imported.source().layer()).isEqualTo(1);
        assertThat(imported.source().release()).isEqualTo("gemma-scope-2b-pt-res");
    }

    @Test
    void aGemmaScopeFileWithoutThresholdsOrFromAnMlpReleaseIsRefused() throws Exception {
        Path noThreshold = write(dir.resolve("layer_3/params.npz"), NDList.Encoding.NPZ, false);
        assertThatThrownBy(() -> PretrainedSae.read(noThreshold, PretrainedSae.Format.GEMMA_SCOPE, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("has no 'threshold' array")
                .hasMessageContaining("JumpReLU");
        Path mlp = write(dir.resolve("gemma-scope-2b-pt-mlp/layer_3/params.npz"), NDList.Encoding.NPZ, true);
        assertThatThrownBy(() -> PretrainedSae.read(mlp, PretrainedSae.Format.GEMMA_SCOPE, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("residual stream");
    }

    @Test
    void saeLensJumpReluSubtractsTheDecoderBiasAsItsConfigurationSays() throws Exception {
        Path folder = saeLens("jumprelu", """
                {"architecture": "jumprelu", "d_in": 2, "d_sae": 3, "model_name": "gemma-2-2b",
                 "hook_name": "blocks.7.hook_resid_post", "apply_b_dec_to_input": true, "normalize_activations": "none"}""", true);
        PretrainedSae.Imported imported = PretrainedSae.read(folder, PretrainedSae.Format.guess(folder), 0, "my-release");
        try (SparseAutoencoder sae = imported.sae()) {
            // pre = (h - b_dec)·W_enc + b_enc = (1.5, 0.9, 1.4)
            assertThat(encode(sae, 2f, 0.4f)).containsExactly(new float[] {1.5f, 0.9f, 1.4f}, offset(1e-5f));
        }
        assertThat(imported.source().layer()).isEqualTo(7);
        assertThat(imported.source().model()).isEqualTo("gemma-2-2b");
        assertThat(imported.source().release()).isEqualTo("my-release");
        assertThat(imported.source().note()).isNull();
    }

    @Test
    void saeLensTopKTakesKFromItsConfigurationAndReluServesAsZeroThresholds() throws Exception {
        Path topK = saeLens("topk", """
                {"architecture": "topk", "d_in": 2, "d_sae": 3, "k": 1, "hook_name": "blocks.1.hook_resid_pre",
                 "apply_b_dec_to_input": false}""", false);
        try (SparseAutoencoder sae = PretrainedSae.read(topK, PretrainedSae.Format.SAELENS, 0, null).sae()) {
            assertThat(sae.architecture()).isEqualTo(SaeArchitecture.TOPK);
            assertThat(sae.k()).isEqualTo(1);
            assertThat(encode(sae, 2f, 0.4f)).containsExactly(new float[] {2f, 0f, 0f}, offset(1e-5f));
        }
        Path relu = saeLens("relu", """
                {"architecture": "standard", "d_in": 2, "d_sae": 3, "hook_name": "blocks.1.hook_resid_pre"}""", false);
        PretrainedSae.Imported imported = PretrainedSae.read(relu, PretrainedSae.Format.SAELENS, 0, null);
        try (SparseAutoencoder sae = imported.sae()) {
            // (h - b_dec)·W_enc + b_enc = (1.5, 0.9, 1.4) for h = (2, 0.4); (-0.5, 0.5, -1) for h = (0, 0)
            assertThat(encode(sae, 2f, 0.4f)).containsExactly(new float[] {1.5f, 0.9f, 1.4f}, offset(1e-5f));
            assertThat(encode(sae, 0f, 0f)).containsExactly(new float[] {0f, 0.5f, 0f}, offset(1e-5f));
        }
        assertThat(imported.source().activation()).isEqualTo("relu");
        // blocks.1.hook_resid_pre is the state before block 1: after block 0, the export's output 1.
        assertThat(imported.source().layer()).isZero();
        assertThat(imported.source().hiddenState()).isEqualTo(1);
    }

    @Test
    void aSaeLens6ConfigurationKeepsWhereItWasTrainedUnderMeta() throws Exception {
        Path folder = saeLens("v6", """
                {"architecture": "jumprelu", "d_in": 2, "d_sae": 3, "apply_b_dec_to_input": true,
                 "meta": {"model_name": "gemma-2-2b", "hook_name": "blocks.12.hook_resid_post", "hook_layer": 12}}""", true);
        PretrainedSae.Imported imported = PretrainedSae.read(folder, PretrainedSae.Format.SAELENS, 0, null);
        imported.sae().close();
        assertThat(imported.source().model()).isEqualTo("gemma-2-2b");
        assertThat(imported.source().hookPoint()).isEqualTo("blocks.12.hook_resid_post");
        assertThat(imported.source().hiddenState()).isEqualTo(13);
        assertThatThrownBy(() -> PretrainedSae.read(saeLens("v6-mlp", """
                {"architecture": "jumprelu", "meta": {"hook_name": "blocks.3.hook_mlp_out"}}""", true), PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("reads blocks.3.hook_mlp_out");
        assertThatThrownBy(() -> PretrainedSae.read(saeLens("mid", """
                {"architecture": "jumprelu", "hook_name": "blocks.3.hook_resid_mid"}""", true), PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("hook_resid_pre or hook_resid_post");
    }

    @Test
    void whatCannotBeServedAsTrainedIsRefusedWithTheReason() throws Exception {
        assertThatThrownBy(() -> PretrainedSae.read(saeLens("no-threshold", """
                {"architecture": "jumprelu", "d_in": 2, "d_sae": 3}""", false), PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("has no 'threshold' array")
                .hasMessageContaining("says the SAE is JumpReLU");
        assertThatThrownBy(() -> PretrainedSae.read(saeLens("wide", """
                {"architecture": "jumprelu", "d_in": 2304, "d_sae": 3}""", true), PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("says d_in = 2304 but the weights");
        assertThatThrownBy(() -> PretrainedSae.read(saeLens("gated", """
                {"architecture": "gated", "d_in": 2, "d_sae": 3}""", true), PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("describes a gated SAE");
        assertThatThrownBy(() -> PretrainedSae.read(saeLens("mlp", """
                {"architecture": "jumprelu", "hook_name": "blocks.3.hook_mlp_out"}""", true), PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("reads blocks.3.hook_mlp_out");
        assertThatThrownBy(() -> PretrainedSae.read(saeLens("normalised", """
                {"architecture": "jumprelu", "normalize_activations": "expected_average_only_in"}""", true),
                PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("normalises its inputs");
        assertThatThrownBy(() -> PretrainedSae.read(saeLens("topk-without-k", """
                {"architecture": "topk"}""", false), PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("gives no k");
        Path bare = write(dir.resolve("bare/sae_weights.safetensors"), NDList.Encoding.SAFETENSORS, true);
        assertThatThrownBy(() -> PretrainedSae.read(bare, PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("No cfg.json beside");
        Path notJson = saeLens("not-json", "{architecture", true);
        assertThatThrownBy(() -> PretrainedSae.read(notJson, PretrainedSae.Format.SAELENS, 0, null))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("is not JSON");
        assertThatThrownBy(() -> PretrainedSae.Format.guess(dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("give --sae-format");
        assertThatThrownBy(() -> PretrainedSae.Format.of("dictionary"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("use gemma-scope or saelens");
    }
}
