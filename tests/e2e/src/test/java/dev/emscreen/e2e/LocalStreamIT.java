package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's long-running mode as a new operator uses it: ./emscreen stream with no options, then
 * import and summary with no options against it; then SIGTERM, as a service manager sends it, must
 * stop every process the stream started and free its ports.
 */
class LocalStreamIT {

    private static final List<Integer> PORTS = List.of(9092, 9093, 8081, 8080);

    @Test
    void givenTheEmbeddedDefaultWhenFedWithNoOptionsThenEverySampleIsRoutedAndSigtermLeavesNoProcess() throws Exception {
        assertThat(PORTS.stream().filter(LocalStreamIT::listening).toList())
                .as("the embedded default's ports must be free for this test").isEmpty();
        for (String state : List.of("kafka", "registry", "streams", "local", "logs")) {
            deleteRecursively(Launcher.HOME.resolve(state));
        }
        Files.createDirectories(Launcher.HOME);
        Path log = Launcher.HOME.resolve("stream-it.log");
        Files.deleteIfExists(log);
        int sent = (int) Files.readAllLines(Launcher.ROOT.resolve("deploy/demo/stream.jsonl")).stream().filter(l -> !l.isBlank()).count();

        Process stream = Launcher.start(Launcher.ROOT, log, Map.of(), "stream");
        try {
            await("the stream screening").atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofSeconds(1))
                    .failFast("./emscreen stream exited:\n" + Launcher.read(log), () -> !stream.isAlive())
                    .until(() -> Launcher.read(log).contains("Screening. Feed it"));

            Launcher.Result imported = Launcher.run(Launcher.ROOT, Launcher.HOME.resolve("import-it.log"), 5, Map.of(),
                    "import", "--in", "deploy/demo/stream.jsonl");
            Launcher.Result summary = Launcher.run(Launcher.ROOT, Launcher.HOME.resolve("summary-it.log"), 10, Map.of(),
                    "summary", "--expect", Integer.toString(sent), "--timeout", "PT8M");

            assertThat(imported.exit()).as(imported.output()).isZero();
            assertThat(imported.output()).contains("imported " + sent + " samples");
            assertThat(summary.exit()).as(summary.output() + "\nstream log:\n" + Launcher.read(log)).isZero();
            assertThat(summary.output()).contains("total          " + sent + " = " + sent + " sent");

            List<ProcessHandle> started = stream.descendants().toList();
            assertThat(started).as("broker, registry service and stream run as children").hasSizeGreaterThanOrEqualTo(3);

            stream.destroy(); // SIGTERM, as kill or a service manager sends it

            await("./emscreen stream to stop").atMost(Duration.ofMinutes(3)).until(() -> !stream.isAlive());
            assertThat(started).as("every process it started is gone").noneMatch(ProcessHandle::isAlive);
            assertThat(PORTS.stream().filter(LocalStreamIT::listening).toList()).as("ports held after stopping").isEmpty();
            assertThat(Launcher.read(log)).contains("Stopping the screening stream", "Stopped everything this command started");
        } finally {
            stream.descendants().forEach(ProcessHandle::destroyForcibly);
            stream.destroyForcibly();
        }
    }

    private static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
