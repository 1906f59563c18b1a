package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import dev.emscreen.features.Screener;
import dev.emscreen.features.bundle.BundleVerificationException;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.OnnxTextEncoder;
import dev.emscreen.features.encoder.ShippedEncoder;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.scoring.ScorerKind;
import dev.emscreen.features.selection.Auroc;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Given labels from a kind of data the seed slice never covers, when a set is trained with them, then
 * it screens that data's held-back rows far better than the seed alone, through its learned readout.
 */
class LearnedReadoutTest {

    private static final String[] SMALL = {"--encoder", "all-minilm-l6-v2", "--sae-width", "64", "--k", "4", "--epochs", "2",
        "--toxic", "8"};

    @TempDir
    static Path dir;
    private static List<LabelledText> heldBack;
    private static TextEncoder encoder;

    @BeforeAll
    static void givenLabelsAndHeldBackRowsOfANewDomain() throws Exception {
        TasteLabels.write(dir.resolve("labels.jsonl"), TasteLabels.lines(24, 1));
        Path rows = TasteLabels.write(dir.resolve("held-back.jsonl"), TasteLabels.lines(40, 2));
        heldBack = JsonlTexts.read(rows, null, null).stream().map(JsonlTexts.Line::text).toList();
        SeedSlice.write(dir.resolve("seed"));
        encoder = OnnxTextEncoder.open(ShippedEncoder.ALL_MINILM_L6_V2, 256, Truncation.TRUNCATE);
        assertThat(train("seed-only").exit()).isZero();
        Cli.Run labelled = train("labelled", "--labels", dir.resolve("labels.jsonl").toString());
        assertThat(labelled.exit()).as(labelled.err()).isZero();
        assertThat(labelled.out()).contains("chosen on      target labels (24 inducing, 24 control)");
        assertThat(labelled.out()).contains("to review      RANDOM_AUDIT: 24 target labels per class (fewer than 64)");
    }

    @AfterAll
    static void close() {
        encoder.close();
    }

    @Test
    void labelsOfANewDomainRaiseItsAurocThroughTheReadout() throws Exception {
        double seedOnly = heldBackAuroc("seed-only");
        double labelled = heldBackAuroc("labelled");

        assertThat(FeatureSetBundle.readManifest(dir.resolve("labelled")).scorer()).isEqualTo(ScorerKind.READOUT);
        assertThat(labelled).as("with 24 labels per class, seed only %.3f", seedOnly).isGreaterThan(0.95);
        assertThat(labelled).isGreaterThan(seedOnly + 0.15);
    }

    @Test
    void theReadoutSurvivesTheBundleAndExplainsWithFeaturesAndWords() throws Exception {
        try (FeatureSet set = FeatureSetBundle.load(dir.resolve("labelled"))) {
            Screener.Screening s = new Screener(encoder, set, 5).screen(List.of(heldBack.get(0).text())).get(0);

            var manifest = set.manifest();
            assertThat(manifest.readoutFile()).isEqualTo(FeatureSetBundle.READOUT_FILE);
            assertThat(manifest.files()).containsKey(FeatureSetBundle.READOUT_FILE);
            assertThat(manifest.scorerChoice().basis()).isEqualTo("target labels");
            assertThat(manifest.scorerChoice().auroc()).containsKeys("MEAN READOUT", "MEAN PROXIMITY", "MAX TOXIC_MASS");
            assertThat(s.score().value()).isBetween(0.0, 1.0);
            assertThat(s.score().terms()).isNotEmpty();
            assertThat(s.score().terms().get(0).contribution()).isGreaterThanOrEqualTo(s.score().terms().get(s.score().terms().size() - 1).contribution());
            // The served score is the stored linear form: the readout's own logit of the same evidence.
            double logit = Math.log(s.score().value() / (1 - s.score().value()));
            var w = set.readout().weights();
            double expected = w.bias() + w.proximity() * s.score().proximity() + w.toxicMass() * s.score().toxicMass()
                    + w.contrast() * s.score().contrast();
            var states = encoder.encode(List.of(heldBack.get(0).text())).get(0);
            float[] pooled = set.pool(states);
            for (var e : w.features().entrySet()) {
                expected += e.getValue() * pooled[e.getKey()];
            }
            // Fitted on target labels, it reads the mean response hidden state too: h·x̄.
            assertThat(w.hidden()).hasSize(encoder.dimension());
            float[] mean = dev.emscreen.features.scoring.ActivationPooler.meanState(states, true);
            double fromHidden = 0;
            for (int j = 0; j < mean.length; j++) {
                fromHidden += w.hidden().get(j) * mean[j];
            }
            expected += fromHidden;
            // and the explanation says how much of the logit that was, since no feature or word names it
            assertThat(s.score().hiddenState()).isCloseTo(fromHidden, offset(1e-6));
            // Fitted on presence, so served once per response: each distinct term's weight, once.
            assertThat(w.termCounting()).isEqualTo(dev.emscreen.features.scoring.Readout.TermCounting.ONCE_PER_RESPONSE);
            for (String term : new java.util.LinkedHashSet<>(dev.emscreen.features.lexical.ResponseWords.terms(heldBack.get(0).response()))) {
                expected += w.terms().getOrDefault(term, 0.0);
            }
            assertThat(logit).isCloseTo(expected, offset(1e-6));
        }
    }

    @Test
    void scoreWritesWhatTheHiddenStateAddedBesideTheFeaturesAndWords() throws Exception {
        Path out = dir.resolve("scored.jsonl");

        Cli.Run score = Cli.run("score", "--feature-set", dir.resolve("labelled").toString(), "--in",
                dir.resolve("held-back.jsonl").toString(), "--out", out.toString());

        assertThat(score.exit()).as(score.err()).isZero();
        try (FeatureSet set = FeatureSetBundle.load(dir.resolve("labelled"))) {
            List<Screener.Screening> served = new Screener(encoder, set, 5).screen(heldBack.stream().map(LabelledText::text).toList());
            List<String> lines = Files.readAllLines(out);
            assertThat(lines).hasSize(served.size());
            var json = new com.fasterxml.jackson.databind.ObjectMapper();
            for (int i = 0; i < lines.size(); i++) {
                var row = json.readTree(lines.get(i));
                assertThat(row.get("hiddenStateContribution").asDouble()).as(lines.get(i))
                        .isCloseTo(served.get(i).score().hiddenState(), offset(1e-6));
            }
        }
    }

    @Test
    void anAlteredReadoutIsRefusedWhole() throws Exception {
        Path copy = dir.resolve("altered");
        copyDir(dir.resolve("labelled"), copy);
        Path readout = copy.resolve(FeatureSetBundle.READOUT_FILE);
        Files.writeString(readout, Files.readString(readout).replaceFirst("\"bias\":[-0-9.Ee]+", "\"bias\":9.0"));

        assertThatThrownBy(() -> FeatureSetBundle.load(copy)).isInstanceOf(BundleVerificationException.class)
                .hasMessageContaining("readout.json has sha256");
    }

    private static Cli.Run train(String name, String... more) {
        List<String> args = new java.util.ArrayList<>(List.of("train", "--out", dir.resolve(name).toString(), "--data",
                dir.resolve("seed").toString()));
        args.addAll(List.of(SMALL));
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    private static double heldBackAuroc(String set) throws Exception {
        try (FeatureSet fs = FeatureSetBundle.load(dir.resolve(set))) {
            List<Screener.Screening> results = new Screener(encoder, fs, 0).screen(heldBack.stream().map(LabelledText::text).toList());
            double[] scores = results.stream().mapToDouble(r -> r.score().value()).toArray();
            boolean[] y = Baselines.labels(heldBack.stream().map(LabelledText::positive).toList());
            double[][] split = Baselines.split(scores, y);
            return Auroc.of(split[0], split[1]);
        }
    }

    private static void copyDir(Path from, Path to) throws Exception {
        Files.createDirectories(to);
        try (var files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
    }
}
