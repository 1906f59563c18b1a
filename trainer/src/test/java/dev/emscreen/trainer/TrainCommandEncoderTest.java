package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Choosing the encoder on the command line: a wrong choice is a usage error that names the right ones. */
class TrainCommandEncoderTest {

    @TempDir
    Path tmp;

    @Test
    void anUnknownEncoderIsAUsageErrorListingTheShippedOnes() {
        Cli.Run run = Cli.run("train", "--out", tmp.resolve("fs").toString(), "--encoder", "gpt-2");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown encoder 'gpt-2'; this build ships e5-small-v2, bge-small-en-v1.5, all-minilm-l6-v2");
        assertThat(tmp.resolve("fs")).doesNotExist();
    }

    @Test
    void aWrongEncoderFailsBeforeTheStreamsTrafficIsRead() {
        // Nothing listens on port 1: reading traffic first would fail with a connection error instead.
        Cli.Run run = Cli.run("train", "--out", tmp.resolve("fs").toString(), "--encoder", "gpt-2",
                "--from-kafka", "127.0.0.1:1", "--schema-registry", "http://127.0.0.1:1");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown encoder 'gpt-2'");
        assertThat(run.out()).doesNotContain("Stream traffic");
    }

    @Test
    void aShippedEncoderAndATorchScriptModelCannotBothBeChosen() {
        Cli.Run run = Cli.run("train", "--out", tmp.resolve("fs").toString(), "--encoder", "e5-small-v2",
                "--torchscript-model", tmp.resolve("lm.pt").toString(), "--tokenizer", tmp.resolve("tokenizer.json").toString());

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--encoder and --torchscript-model each name the encoder: give one");
    }
}
