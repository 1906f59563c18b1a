package dev.emscreen.cli.local;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One part of the local stack (broker, registry service, stream) as a process of its own, its
 * output in a log file. Started in a session of its own where {@code setsid} exists, so that Ctrl-C
 * in the terminal reaches only the stack, which then stops its parts in order.
 */
final class ChildProcess {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final boolean SETSID = Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"));

    private final String name;
    private final Path log;
    private final Process process;

    private ChildProcess(String name, Path log, Process process) {
        this.name = name;
        this.log = log;
        this.process = process;
    }

    static ChildProcess start(String name, List<String> command, Path log) throws IOException {
        Files.createDirectories(log.getParent());
        List<String> full = new ArrayList<>();
        if (SETSID) {
            full.add("setsid");
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        return new ChildProcess(name, log, process);
    }

    String name() {
        return name;
    }

    Path log() {
        return log;
    }

    boolean alive() {
        return process.isAlive();
    }

    ProcessHandle handle() {
        return process.toHandle();
    }

    /** SIGTERM, a clean exit awaited for {@code grace}, then SIGKILL; whatever it started goes with it. */
    void stop(Duration grace) {
        List<ProcessHandle> descendants = process.descendants().toList();
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        // A wrapper script that died first must not leave its JVM behind, holding ports.
        for (ProcessHandle d : descendants) {
            if (d.isAlive()) {
                d.destroyForcibly();
                d.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(t -> d).join();
            }
        }
    }

    /** Waits until {@code url} answers 200; fails naming the log if the process exits or time runs out. */
    void awaitHttp(String url, Duration timeout) throws InterruptedException {
        awaitUntil(() -> status(url) == 200, "ready at " + url, timeout);
    }

    void awaitPort(int port, Duration timeout) throws InterruptedException {
        awaitUntil(() -> listening(port), "listening on port " + port, timeout);
    }

    private void awaitUntil(java.util.function.BooleanSupplier ready, String what, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited (status " + process.exitValue() + ") before it was " + what
                        + "; last lines of " + log + ":\n" + tail(20));
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + " was not " + what + " within " + timeout.toSeconds() + " s; see " + log);
            }
            // Polled, not waited on: readiness is another process's state and announces itself nowhere else.
            process.waitFor(250, TimeUnit.MILLISECONDS);
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    static boolean listening(int port) {
        try (Socket ignored = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
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
}
