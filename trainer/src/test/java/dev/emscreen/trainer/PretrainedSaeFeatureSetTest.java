package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.encoder.Encoders;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.records.SaeArchitecture;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --sae}: a feature set around a pretrained SAE (Gemma Scope's params.npz, a SAELens
 * folder), on the tiny TorchScript LM's layer 2 (16 wide), with no SAE training. The bundle serves the
 * release's SAE as the release computes it, and scores what the build measured.
 */
class PretrainedSaeFeatureSetTest {

    private static final int D_MODEL = 16;
    private static final int D_SAE = 48;

    @TempDir
    Path dir;

    private Path tokenizer;
    private Path seed;

    @BeforeEach
    void givenTheTinyLmAndASeedSlice() throws Exception {
        tokenizer = dir.resolve("tokenizer.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, tokenizer);
        }
        seed = SeedSlice.write(dir.resolve("seed"));
    }

    /** Random weights with the release's names; b_dec far from zero, so subtracting it or not changes every activation. */
    private static float[][] weights(NDList list, NDManager m, int dModel, boolean withThreshold) {
        Random random = new Random(7);
        float[][] wEnc = new float[dModel][D_SAE];
        float[][] wDec = new float[D_SAE][dModel];
        for (int i = 0; i < dModel; i++) {
            for (int f = 0; f < D_SAE; f++) {
                wEnc[i][f] = (float) random.nextGaussian();
                wDec[f][i] = wEnc[i][f] / (float) Math.sqrt(dModel);
            }
        }
        float[] bEnc = new float[D_SAE];
        float[] bDec = new float[dModel];
        float[] threshold = new float[D_SAE];
        for (int f = 0; f < D_SAE; f++) {
            bEnc[f] = -0.2f;
            threshold[f] = 0.1f;
        }
        for (int i = 0; i < dModel; i++) {
            bDec[i] = 0.3f * (i % 3 - 1);
        }
        list.addAll(new NDList(named(m.create(wEnc), "W_enc"), named(m.create(wDec), "W_dec"), named(m.create(bEnc), "b_enc"),
                named(m.create(bDec), "b_dec")));
        if (withThreshold) {
            list.add(named(m.create(threshold), "threshold"));
        }
        return wEnc;
    }

    /** A Gemma-Scope-named SAE of {@code dModel} inputs and random weights, written to {@code file}. */
    static Path write(Path file, NDList.Encoding encoding, int dModel, boolean withThreshold) throws Exception {
        Files.createDirectories(file.getParent());
        try (NDManager m = NDManager.newBaseManager("PyTorch"); OutputStream out = Files.newOutputStream(file)) {
            NDList list = new NDList();
            weights(list, m, dModel, withThreshold);
            list.encode(out, encoding);
        }
        return file;
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    private Cli.Run train(Path sae, Path out, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--out", out.toString(), "--data", seed.toString(),
                "--torchscript-model", System.getProperty("emscreen.tinyLm"), "--tokenizer", tokenizer.toString(),
                "--max-tokens", "128", "--toxic", "10", "--sae", sae.toString()));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    @Test
    void aGemmaScopeSaeBuildsASetThatServesItAsTheReleaseComputesIt() throws Exception {
        // Given Gemma Scope's layer_1 SAE: it reads the state after block 1, the tiny LM's output 2 (embeddings first)
        Path params = write(dir.resolve("gemma-scope-2b-pt-res/layer_1/width_16k/average_l0_20/params.npz"), NDList.Encoding.NPZ,
                D_MODEL, true);
        Path out = dir.resolve("fs");

        Cli.Run run = train(params, out);

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Pretrained SAE").contains("gemma-scope, measured on")
                .contains("Reading the model's output 2: the hidden state after block 1");
        FeatureSetManifest manifest = FeatureSetBundle.readManifest(out);
        assertThat(manifest.encoder().layer()).isEqualTo(2);
        assertThat(manifest.sae().architecture()).isEqualTo(SaeArchitecture.JUMPRELU);
        assertThat(manifest.sae().source().format()).isEqualTo("gemma-scope");
        assertThat(manifest.sae().source().release()).isEqualTo("gemma-scope-2b-pt-res");
        assertThat(manifest.sae().source().layer()).isEqualTo(1);
        assertThat(manifest.sae().source().hookPoint()).isEqualTo("blocks.1.hook_resid_post");
        assertThat(Files.readString(out.resolve(FeatureSetBundle.MANIFEST))).contains("\"hookPoint\"").doesNotContain("hiddenState");
        try (FeatureSet set = FeatureSetBundle.load(out); TextEncoder encoder = Encoders.open(set, Truncation.TRUNCATE);
             NDManager m = NDManager.newBaseManager("PyTorch")) {
            // The served SAE is the release's: JumpReLU(h·W_enc + b_enc), b_dec never subtracted.
            NDList release = new NDList();
            float[][] wEnc = weights(release, m, D_MODEL, true);
            float[] h = new float[D_MODEL];
            for (int i = 0; i < D_MODEL; i++) {
                h[i] = (float) Math.sin(i + 1);
            }
            float[] served = set.sae().encode(m.create(new float[][] {h})).toFloatArray();
            for (int f = 0; f < D_SAE; f++) {
                double pre = -0.2;
                for (int i = 0; i < D_MODEL; i++) {
                    pre += h[i] * wEnc[i][f];
                }
                assertThat((double) served[f]).as("feature %d", f).isCloseTo(pre > 0.1 ? pre : 0, offset(1e-4));
            }
            // What the stream serves (the Screener) scores validation exactly as the build measured it.
            assertThat(ServedAuroc.onValidation(set, encoder, SeedData.load(seed)))
                    .isCloseTo(manifest.metrics().get("validation.auroc"), offset(1e-9));
        }
    }

    @Test
    void evaluateComparesTheSetsScoresOnItsDeviceWithTheCpu() throws Exception {
        Path out = dir.resolve("fs");
        assertThat(train(write(dir.resolve("gemma-scope-2b-pt-res/layer_1/params.npz"), NDList.Encoding.NPZ, D_MODEL, true), out)
                .exit()).isZero();
        List<String> lines = Files.readAllLines(seed.resolve("samples.jsonl"));
        Path inducing = Files.write(dir.resolve("inducing.jsonl"), lines.stream().filter(l -> l.contains("\"label\": \"inducing\"")).toList());
        Path control = Files.write(dir.resolve("control.jsonl"), lines.stream().filter(l -> l.contains("\"label\": \"control\"")).toList());

        Cli.Run run = Cli.run("evaluate", "--feature-set", out.toString(), "--inducing", inducing.toString(), "--control",
                control.toString(), "--compare-cpu");

        // This machine has no GPU: both runs are on the CPU, and must agree exactly.
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("DEVICE_CHECK encoder=cpu sae=cpu against=cpu max_score_diff=0 tolerance=1e-03 ok");
        assertThat(new DeviceCheck.Result("cuda:0", "cuda:0", 2e-3, 1e-3).line()).endsWith("max_score_diff=2.00e-03 tolerance=1e-03 BEYOND");
    }

    @Test
    void aSaeLensTopKFolderBuildsWithItsOwnK() throws Exception {
        Path folder = dir.resolve("saelens");
        write(folder.resolve("sae_weights.safetensors"), NDList.Encoding.SAFETENSORS, D_MODEL, false);
        Files.writeString(folder.resolve("cfg.json"), """
                {"architecture": "topk", "d_in": 16, "d_sae": 48, "k": 6, "model_name": "tiny-lm",
                 "hook_name": "blocks.0.hook_resid_post", "apply_b_dec_to_input": true}""");
        Path out = dir.resolve("fs");

        Cli.Run run = train(folder, out, "--layer", "2");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Warning: --layer 2 reads output 2, but the SAE reads output 1 (the hidden state after block 0");
        FeatureSetManifest manifest = FeatureSetBundle.readManifest(out);
        assertThat(manifest.sae().architecture()).isEqualTo(SaeArchitecture.TOPK);
        assertThat(manifest.sae().k()).isEqualTo(6);
        assertThat(manifest.sae().source().model()).isEqualTo("tiny-lm");
        assertThat(manifest.sae().source().layer()).isZero();
        assertThat(manifest.metrics().get("sae.mean_l0")).isCloseTo(6, offset(0.5));
    }

    @Test
    void anSaeForAnotherWidthOrWithoutItsThresholdsIsRefusedBeforeAnythingIsWritten() throws Exception {
        Path out = dir.resolve("fs");
        Path wide = write(dir.resolve("wide/layer_1/params.npz"), NDList.Encoding.NPZ, 2 * D_MODEL, true);
        Cli.Run wrongWidth = train(wide, out);
        assertThat(wrongWidth.exit()).isEqualTo(2);
        assertThat(wrongWidth.err()).contains("The SAE reads 32-wide hidden states, but the encoder").contains("gives 16");

        Path noThreshold = write(dir.resolve("nothreshold/layer_1/params.npz"), NDList.Encoding.NPZ, D_MODEL, false);
        Cli.Run missing = train(noThreshold, out);
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("has no 'threshold' array: a Gemma Scope SAE is JumpReLU");

        Cli.Run unknown = train(noThreshold, out, "--sae-format", "dictionary");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("Unknown SAE format 'dictionary'");
        assertThat(out).doesNotExist();
    }
}
