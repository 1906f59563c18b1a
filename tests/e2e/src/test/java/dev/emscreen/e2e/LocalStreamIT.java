package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
            // The first launcher test builds the default feature set (about 8 minutes on 2 free cores, 12 on busy ones).
            await("the stream screening").atMost(Duration.ofMinutes(30)).pollInterval(Duration.ofSeconds(1))
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

            theReviewConsoleTakesThePrintedSignIn(Launcher.read(log));

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

    /** The address and sign-in the stream printed open the review console, and nothing opens it without them. */
    private static void theReviewConsoleTakesThePrintedSignIn(String streamOutput) throws Exception {
        Matcher printed = Pattern.compile("Review console: (http://localhost:8080/review/) \\(sign in as (\\S+), password (\\S+);")
                .matcher(streamOutput);
        assertThat(printed.find()).as(streamOutput).isTrue();
        URI console = URI.create(printed.group(1));
        HttpClient anonymous = HttpClient.newHttpClient();
        HttpResponse<String> refused = anonymous.send(HttpRequest.newBuilder(console.resolve("api/next")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/review/login.html"));

        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        String form = "j_username=" + URLEncoder.encode(printed.group(2), StandardCharsets.UTF_8)
                + "&j_password=" + URLEncoder.encode(printed.group(3), StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(console.resolve("/j_security_check"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(signedIn.statusCode()).as(signedIn.body()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).doesNotContain("login"));
        HttpResponse<String> session = browser.send(HttpRequest.newBuilder(console.resolve("api/session")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(session.statusCode()).as(session.body()).isEqualTo(200);
        assertThat(session.body()).contains("\"annotator\":\"" + printed.group(2) + "\"", "csrfToken");
        Matcher token = Pattern.compile("\"csrfToken\":\"([^\"]+)\"").matcher(session.body());
        assertThat(token.find()).as(session.body()).isTrue();
        HttpResponse<String> next = browser.send(HttpRequest.newBuilder(console.resolve("api/next"))
                .header("X-CSRF-Token", token.group(1)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
        assertThat(next.body()).contains("\"waiting\":");
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
