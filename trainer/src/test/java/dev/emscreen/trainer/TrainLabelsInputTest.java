package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Label files that cannot teach a readout are refused before anything is encoded or written. */
class TrainLabelsInputTest {

    @TempDir
    Path dir;

    @Test
    void anUnknownLabelNamesItsLineAndNothingIsWritten() throws Exception {
        List<String> lines = new ArrayList<>(TasteLabels.lines(10, 3));
        lines.set(4, lines.get(4).replace("\"label\":\"inducing\"", "\"label\":\"toxic\""));

        Cli.Run run = train(lines);

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("labels.jsonl line 5: unknown label 'toxic'");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void labelsOfOneClassOnlyAreRefused() throws Exception {
        Cli.Run run = train(TasteLabels.lines(10, 3).subList(0, 10));

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("holds 10 inducing and 0 control labels", "at least 8 of each class");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void fewerThanEightPerClassAreRefused() throws Exception {
        List<String> lines = new ArrayList<>(TasteLabels.lines(10, 3).subList(0, 10));
        lines.addAll(TasteLabels.lines(7, 4).subList(7, 14));

        Cli.Run run = train(lines);

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("holds 10 inducing and 7 control labels");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    @Test
    void aLineWithoutALabelIsRefused() throws Exception {
        List<String> lines = new ArrayList<>(TasteLabels.lines(10, 3));
        lines.set(12, lines.get(12).replace(",\"label\":\"control\"", ""));

        Cli.Run run = train(lines);

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("labels.jsonl line 13: no \"label\" (inducing or control)");
    }

    @Test
    void anAuditShareOutsideZeroToOneIsRefusedBeforeAnythingIsRead() throws Exception {
        Path labels = Files.write(dir.resolve("labels.jsonl"), TasteLabels.lines(10, 3));

        Cli.Run run = Cli.run("train", "--out", dir.resolve("out").toString(), "--labels", labels.toString(),
                "--review-audit", "1.5");

        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("--review-audit must be a share in [0, 1), got 1.5");
        assertThat(dir.resolve("out")).doesNotExist();
    }

    private Cli.Run train(List<String> lines) throws Exception {
        Path labels = Files.write(dir.resolve("labels.jsonl"), lines);
        return Cli.run("train", "--out", dir.resolve("out").toString(), "--encoder", "all-minilm-l6-v2", "--labels", labels.toString());
    }
}
