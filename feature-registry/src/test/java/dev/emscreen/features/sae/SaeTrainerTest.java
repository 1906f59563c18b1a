package dev.emscreen.features.sae;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SaeTrainerTest {

    @TempDir
    Path dir;

    @Test
    void learnsASparseDictionaryWithUnitDecoderRows() {
        // Given tokens made of 3 of 48 hidden directions each
        SyntheticActivations data = new SyntheticActivations(32, 48, 3, 6000, 7);

        // When a TopK SAE with room for them trains on DJL PyTorch
        SaeTrainingResult result = new SaeTrainer().train(data.tokens, new SaeTrainer.Config(96, 4, 25, 256, 1e-2f, 42, 48, 1f / 32, 2000), (d, t, l) -> { });

        // Then it reconstructs most of the variance with k features per token, and every direction is unit length
        try (SparseAutoencoder sae = result.sae()) {
            assertThat(result.metrics().fractionVarianceExplained()).isGreaterThan(0.85);
            assertThat(result.metrics().meanL0()).isLessThanOrEqualTo(4.0);
            assertThat(result.metrics().lossPerEpoch().get(result.metrics().lossPerEpoch().size() - 1))
                    .isLessThan(result.metrics().lossPerEpoch().get(0));
            for (float[] direction : sae.directions()) {
                double norm = 0;
                for (float v : direction) {
                    norm += v * v;
                }
                assertThat(Math.sqrt(norm)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            }
            // And most true directions have a learned feature pointing the same way
            float[][] learned = sae.directions();
            int found = 0;
            for (float[] truth : data.dictionary) {
                double best = 0;
                for (float[] feature : learned) {
                    double cos = 0;
                    for (int j = 0; j < truth.length; j++) {
                        cos += truth[j] * feature[j];
                    }
                    best = Math.max(best, cos);
                }
                found += best > 0.9 ? 1 : 0;
            }
            assertThat(found).isGreaterThan(data.dictionary.length * 3 / 4);
        }
    }

    @Test
    void savedWeightsLoadBackAndEncodeTheSame() throws Exception {
        SyntheticActivations data = new SyntheticActivations(16, 20, 2, 1000, 3);
        Path file = dir.resolve("sae.safetensors");
        try (SparseAutoencoder sae = new SaeTrainer().train(data.tokens, SaeTrainer.Config.of(40, 3, 2), (d, t, l) -> { }).sae()) {
            SaeFiles.write(sae, file);
            try (SparseAutoencoder loaded = SaeFiles.read(file, 3); NDManager m = NDManager.newBaseManager(SaeFiles.device(), "PyTorch")) {
                NDArray x = m.create(new float[][] {data.tokens[0], data.tokens[1]});
                assertThat(loaded.encode(x).toFloatArray()).containsExactly(sae.encode(x).toFloatArray(), org.assertj.core.data.Offset.offset(1e-5f));
                assertThat(loaded.dSae()).isEqualTo(40);
                assertThat(loaded.dModel()).isEqualTo(16);
            }
        }
    }
}
