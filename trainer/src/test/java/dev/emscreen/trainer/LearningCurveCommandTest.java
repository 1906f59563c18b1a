package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The learning curve end to end on a small domain the seed never covers: lines, figures and plot. */
class LearningCurveCommandTest {

    @TempDir
    Path dir;

    @Test
    void printsACurveLinePerCountThatRisesWithLabelsAndWritesThePlot() throws Exception {
        List<String> lines = TasteLabels.lines(40, 21);
        Path inducing = Files.write(dir.resolve("inducing.jsonl"), lines.subList(0, 40));
        Path control = Files.write(dir.resolve("control.jsonl"), lines.subList(40, 80));

        Cli.Run run = Cli.run("learning-curve", "--inducing", inducing.toString(), "--control", control.toString(),
                "--domain", "tastes", "--counts", "0,16", "--draws", "2", "--encoder", "all-minilm-l6-v2",
                "--sae-width", "64", "--k", "4", "--epochs", "2", "--out", dir.resolve("curve").toString(),
                "--data", SeedSlice.write(dir.resolve("seed")).toString());

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("CURVE domain=tastes n=0 auroc=", "probe=- nb=- active=-");
        Matcher sixteen = Pattern.compile("CURVE domain=tastes n=16 auroc=([0-9.]+) probe=([0-9.]+) nb=([0-9.]+) active=([0-9.]+)")
                .matcher(run.out());
        assertThat(sixteen.find()).as(run.out()).isTrue();
        assertThat(Double.parseDouble(sixteen.group(1))).isGreaterThan(0.9);
        assertThat(Double.parseDouble(sixteen.group(3))).isGreaterThan(0.9);
        byte[] png = Files.readAllBytes(dir.resolve("curve").resolve("learning-curve.png"));
        assertThat(java.util.Arrays.copyOf(png, 4)).containsExactly(0x89, 'P', 'N', 'G');
        assertThat(Files.readString(dir.resolve("curve").resolve("index.html"))).contains("<td>16<td>");
    }

    @Test
    void aSecondRunOnTheSameDataStartsFromTheCachedActivationsAndDrawsTheSameCurve() throws Exception {
        List<String> lines = TasteLabels.lines(30, 5);
        Path inducing = Files.write(dir.resolve("inducing.jsonl"), lines.subList(0, 30));
        Path control = Files.write(dir.resolve("control.jsonl"), lines.subList(30, 60));
        Path cache = dir.resolve("cache");
        String[] args = {"learning-curve", "--inducing", inducing.toString(), "--control", control.toString(), "--domain", "tastes",
            "--counts", "8", "--draws", "1", "--no-active", "--encoder", "all-minilm-l6-v2", "--sae-width", "64", "--k", "4",
            "--epochs", "2", "--out", dir.resolve("curve").toString(), "--cache", cache.toString(),
            "--data", SeedSlice.write(dir.resolve("seed")).toString()};

        Cli.Run first = Cli.run(args);
        Cli.Run second = Cli.run(args);

        assertThat(first.exit()).as(first.err()).isZero();
        assertThat(first.err()).contains("Training the SAE once").contains("Kept the encoder states and SAE activations in");
        assertThat(second.exit()).as(second.err()).isZero();
        assertThat(second.err()).doesNotContain("Training the SAE once").contains("Encoder states and SAE activations from");
        assertThat(curveLines(second.out())).isEqualTo(curveLines(first.out())).hasSize(1);
        assertThat(first.out()).as("--no-active").contains(" active=- ");

        // Other data under the same cache: computed afresh, not served the first data's activations.
        Files.write(inducing, lines.subList(0, 29));
        Cli.Run changed = Cli.run(args);
        assertThat(changed.exit()).as(changed.err()).isZero();
        assertThat(changed.err()).contains("Training the SAE once");

        // A damaged cache file is reported and recomputed, never read as activations.
        Path file = cache.resolve("activations-tastes.bin");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        Cli.Run damaged = Cli.run(args);
        assertThat(damaged.exit()).as(damaged.err()).isZero();
        assertThat(damaged.err()).contains("Ignoring the cache").contains("Training the SAE once");
        assertThat(curveLines(damaged.out())).isEqualTo(curveLines(changed.out()));
    }

    /** The CURVE lines without their timing. */
    private static List<String> curveLines(String out) {
        return out.lines().filter(l -> l.startsWith("CURVE ")).map(l -> l.replaceAll(" seconds=\\d+", "")).toList();
    }
}
