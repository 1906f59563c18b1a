package dev.emscreen.faults;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One part of the product as its own OS process (broker, registry service, stream), started from
 * its build with output to a log file, so that it can be killed as an operating system kills.
 */
final class Service {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final List<String> command;
    private final Path log;
    private Process process;

    Service(String name, List<String> command, Path log) {
        this.name = name;
        this.command = command;
        this.log = log;
    }

    Service start() throws IOException {
        Files.createDirectories(log.getParent());
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return this;
    }

    /** SIGKILL: no shutdown hook, no last commit; what a crash or an OOM kill does. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.toHandle().destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits for a clean exit (SIGKILL after 60 s). */
    void stop() throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            kill();
        }
        process.descendants().forEach(ProcessHandle::destroyForcibly);
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    long pid() {
        return process.pid();
    }

    Path log() {
        return log;
    }

    /** Waits until {@code url} answers 200; fails naming the log if the process dies or time runs out. */
    void awaitHttp(String url, Duration timeout) {
        awaitProcess("ready at " + url, timeout, () -> status(url) == 200);
    }

    void awaitPort(int port, Duration timeout) {
        awaitProcess("listening on " + port, timeout, () -> {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return true;
            } catch (IOException notYet) {
                return false;
            }
        });
    }

    /** Waits for {@code condition}; fails at once naming the log if the process dies, or when time runs out. */
    private void awaitProcess(String what, Duration timeout, Callable<Boolean> condition) {
        try {
            await(name + " " + what).atMost(timeout).pollInterval(Duration.ofMillis(250))
                    .failFast(name + " exited; see " + log, () -> !alive())
                    .until(condition);
        } catch (ConditionTimeoutException late) {
            throw new IllegalStateException(name + " not " + what + " within " + timeout + "; see " + log, late);
        }
    }

    static int status(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    static String body(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }
}
