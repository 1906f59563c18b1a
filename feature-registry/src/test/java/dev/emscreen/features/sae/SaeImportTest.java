package dev.emscreen.features.sae;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import dev.emscreen.records.SaeArchitecture;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Gemma Scope params.npz and SAELens-style safetensors, written here with the public names and shapes. */
class SaeImportTest {

    @TempDir
    Path dir;

    private Path write(String name, NDList.Encoding encoding, boolean withThreshold, boolean withBDec) throws Exception {
        try (NDManager m = NDManager.newBaseManager("PyTorch")) {
            // d_model 2, d_sae 3: feature i reads input i (and feature 2 reads both).
            NDList list = new NDList(
                    named(m.create(new float[][] {{1, 0, 1}, {0, 1, 1}}), "W_enc"),
                    named(m.create(new float[][] {{1, 0}, {0, 1}, {0.6f, 0.8f}}), "W_dec"),
                    named(m.create(new float[] {0, 0, -1}), "b_enc"));
            if (withBDec) {
                list.add(named(m.create(new float[] {0, 0}), "b_dec"));
            }
            if (withThreshold) {
                list.add(named(m.create(new float[] {0.5f, 0.5f, 0.5f}), "threshold"));
            }
            Path file = dir.resolve(name);
            try (OutputStream out = Files.newOutputStream(file)) {
                list.encode(out, encoding);
            }
            return file;
        }
    }

    private static NDArray named(NDArray a, String name) {
        a.setName(name);
        return a;
    }

    @Test
    void gemmaScopeNpzIsAJumpReluSae() throws Exception {
        try (SparseAutoencoder sae = SaeFiles.read(write("params.npz", NDList.Encoding.NPZ, true, true), 0);
             NDManager m = NDManager.newBaseManager("PyTorch")) {
            assertThat(sae.architecture()).isEqualTo(SaeArchitecture.JUMPRELU);
            // pre = (2, 0.4, 1.4): features above 0.5 keep their value, the rest are zero.
            assertThat(sae.encode(m.create(new float[][] {{2f, 0.4f}})).toFloatArray())
                    .containsExactly(new float[] {2f, 0f, 1.4f}, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void saeLensSafetensorsWithoutThresholdIsTopK() throws Exception {
        try (SparseAutoencoder sae = SaeFiles.read(write("sae.safetensors", NDList.Encoding.SAFETENSORS, false, true), 1);
             NDManager m = NDManager.newBaseManager("PyTorch")) {
            assertThat(sae.architecture()).isEqualTo(SaeArchitecture.TOPK);
            assertThat(sae.encode(m.create(new float[][] {{2f, 0.4f}})).toFloatArray())
                    .containsExactly(new float[] {2f, 0f, 0f}, org.assertj.core.data.Offset.offset(1e-6f));
        }
    }

    @Test
    void missingArraysAndMissingKAreClearErrors() throws Exception {
        Path noBias = write("nobias.safetensors", NDList.Encoding.SAFETENSORS, false, false);
        assertThatThrownBy(() -> SaeFiles.read(noBias, 1))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("has no 'b_dec' array");
        Path topK = write("topk.safetensors", NDList.Encoding.SAFETENSORS, false, true);
        assertThatThrownBy(() -> SaeFiles.read(topK, 0))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("needs k in 1..3");
        Path garbage = dir.resolve("garbage.safetensors");
        Files.writeString(garbage, "not weights");
        assertThatThrownBy(() -> SaeFiles.read(garbage, 1))
                .isInstanceOf(SaeFormatException.class).hasMessageContaining("Cannot read SAE weights");
    }
}
