package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * After a git pull or an edit, the next ./emscreen command runs the code as it is now, not the
 * build it finds. Shown on a copy of the project (the real tree is never edited by a test).
 */
class LauncherRebuildIT {

    private static final String COMMAND_SOURCE = "screening-stream/cli/src/main/java/dev/emscreen/cli/ImportCommand.java";
    // The copy builds in the test's reactor-free Maven runs; installing it would replace the real artifacts in ~/.m2.
    private static final Map<String, String> MAVEN = Map.of("MAVEN_ARGS", "-Dmaven.install.skip=true");

    @TempDir
    Path tmp;

    @Test
    void givenAnEditedSourceFileAndManyChangedFilesWhenTheNextCommandRunsThenItRunsTheEditedCode() throws Exception {
        Path copy = copyOfTheProject(tmp.resolve("project"));

        Launcher.Result first = Launcher.run(copy, tmp.resolve("first.log"), 10, MAVEN, "import", "--help");
        Path source = copy.resolve(COMMAND_SOURCE);
        String code = Files.readString(source, StandardCharsets.UTF_8);
        String edited = code.replace("Produce the samples of a JSONL file", "Edited just now: produce the samples of a JSONL file");
        assertThat(edited).as("the text to edit is in " + COMMAND_SOURCE).isNotEqualTo(code);
        Files.writeString(source, edited, StandardCharsets.UTF_8);
        // Many changed files besides (more names than a pipe holds): a launcher that pipes its list of changed
        // sources into head dies of SIGPIPE here, and under pipefail exits 141 before it prints a word.
        Path many = Files.createDirectories(copy.resolve("scratch/src/main/changed-files-that-no-module-builds"));
        for (int i = 0; i < 1000; i++) {
            Files.writeString(many.resolve(String.format("a-file-changed-since-the-last-build-%04d.txt", i)), "changed");
        }
        Launcher.Result afterEdit = Launcher.run(copy, tmp.resolve("second.log"), 10, MAVEN, "import", "--help");
        Launcher.Result unchanged = Launcher.run(copy, tmp.resolve("third.log"), 5, MAVEN, "import", "--help");

        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("Produce the samples of a JSONL file").doesNotContain("Edited just now");
        assertThat(afterEdit.exit()).as(afterEdit.output()).isZero();
        assertThat(afterEdit.output()).contains("sources changed since", "Edited just now: produce the samples");
        assertThat(unchanged.output()).as("nothing changed: nothing rebuilt").doesNotContain("rebuilding", "building")
                .contains("Edited just now: produce the samples");
    }

    /** The project's files as a fresh clone has them (tracked and new, not ignored): no build outputs. */
    private static Path copyOfTheProject(Path to) throws Exception {
        Process ls = new ProcessBuilder("git", "ls-files", "--cached", "--others", "--exclude-standard", "-z")
                .directory(Launcher.ROOT.toFile()).redirectErrorStream(false).start();
        String listing = new String(ls.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ls.waitFor()).as("git ls-files in " + Launcher.ROOT).isZero();
        for (String file : List.of(listing.split("\0"))) {
            Path from = Launcher.ROOT.resolve(file);
            if (file.isEmpty() || !Files.isRegularFile(from)) {
                continue; // deleted in the working tree, or a submodule
            }
            Path target = to.resolve(file);
            Files.createDirectories(target.getParent());
            Files.copy(from, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
        }
        return to;
    }
}
