package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import dev.emscreen.features.Screener;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.Encoders;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TorchScriptTextEncoder;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.selection.Auroc;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A feature set on a user's own TorchScript model: built, bundled with its model, and reopened from the bundle alone. */
class TorchScriptFeatureSetTest {

    @TempDir
    Path dir;

    @Test
    void aTorchScriptFeatureSetCarriesItsModelAndServesFromItsBundle() throws Exception {
        Path model = Path.of(System.getProperty("emscreen.tinyLm"));
        Path tokenizer = dir.resolve("tokenizer.json");
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("all-minilm-l6-v2-tokenizer.json")) {
            Files.copy(in, tokenizer);
        }
        SeedData seed = SeedSlice.load(dir.resolve("seed"), SeedSlice.REGISTERS);
        Path bundle = dir.resolve("fs");
        FeatureSetBuilder.BuildReport report;
        try (TextEncoder encoder = TorchScriptTextEncoder.load(model, tokenizer, 2, 128, Truncation.TRUNCATE)) {
            report = new FeatureSetBuilder(encoder, new BuildOptions(32, 4, 2, 10, 0.02, 0.10, 0, 128, 200_000, 3, false),
                    Progress.QUIET).build(seed, bundle, Map.of(FeatureSetBundle.ENCODER_MODEL_FILE, model,
                    FeatureSetBundle.ENCODER_TOKENIZER_FILE, tokenizer));
        }

        assertThat(report.manifest().encoder().kind()).isEqualTo("TORCHSCRIPT");
        assertThat(report.manifest().encoder().layer()).isEqualTo(2);
        assertThat(report.manifest().files()).containsKeys(FeatureSetBundle.ENCODER_MODEL_FILE, FeatureSetBundle.ENCODER_TOKENIZER_FILE);
        Files.delete(tokenizer); // the bundle must not need the original files

        try (FeatureSet set = FeatureSetBundle.load(bundle); TextEncoder encoder = Encoders.open(set, Truncation.TRUNCATE)) {
            assertThat(encoder.id()).isEqualTo(report.manifest().encoder().id());
            List<LabelledText> validation = seed.samples().stream().filter(t -> !t.isTrain()).toList();
            List<Screener.Screening> results = new Screener(encoder, set, 3).screen(validation.stream().map(LabelledText::text).toList());
            double[] scores = results.stream().mapToDouble(r -> r.score().value()).toArray();
            boolean[] label = Baselines.labels(validation.stream().map(LabelledText::positive).toList());
            double[][] split = Baselines.split(scores, label);
            assertThat(Auroc.of(split[0], split[1])).isCloseTo(report.metrics().get("validation.auroc"), offset(1e-9));
        }
    }
}
