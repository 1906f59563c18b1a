package dev.emscreen.e2e;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.awaitility.core.TerminalFailureException;

/** {@code ./emscreen broker} as a user runs it: a separate process, stopped with SIGTERM as Ctrl-C would. */
final class StandaloneBroker implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final Thread pump;
    private final int port;

    private StandaloneBroker(Process process, int port) {
        this.process = process;
        this.port = port;
        this.pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) {
                    output.add(line);
                    lines.add(line);
                }
            } catch (IOException ignored) {
                // the process is gone
            }
        }, "broker-output");
        pump.setDaemon(true);
        pump.start();
    }

    static StandaloneBroker start(Path dataDir) throws Exception {
        int port = freePort();
        int controllerPort = freePort();
        Path root = Path.of(System.getProperty("emscreen.root", "../..")).toAbsolutePath().normalize();
        Process process = new ProcessBuilder(root.resolve("emscreen").toString(), "broker",
                "--port", Integer.toString(port), "--controller-port", Integer.toString(controllerPort),
                "--data", dataDir.toString())
                .directory(root.toFile()).redirectErrorStream(true).start();
        StandaloneBroker broker = new StandaloneBroker(process, port);
        broker.awaitLine("Kafka broker ready", 90);
        return broker;
    }

    String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Waits for a line of output containing {@code text}, taking the lines before it off the queue;
     * fails with everything printed so far, at once if the output has ended without it.
     */
    String awaitLine(String text, int seconds) throws InterruptedException {
        try {
            // The queue's own blocking poll is the wait between checks, so no poll interval on top;
            // in this thread, so no line is taken by an evaluation still running after a timeout.
            return await().atMost(Duration.ofSeconds(seconds)).pollInSameThread().pollInterval(Duration.ZERO)
                    // Once the pump has seen the end of the output every line is queued: an empty queue
                    // then means the line will never come (the broker exited), so there is no point waiting.
                    .failFast(() -> !pump.isAlive() && lines.isEmpty())
                    .until(() -> lines.poll(200, TimeUnit.MILLISECONDS), line -> line != null && line.contains(text));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("No line containing '" + text + "' within " + seconds + " s; output:\n"
                    + String.join("\n", output), e);
        } catch (TerminalFailureException e) {
            throw new AssertionError("No line containing '" + text + "' before the broker's output ended; output:\n"
                    + String.join("\n", output), e);
        }
    }

    /** Sends SIGTERM and returns the exit code. */
    int stop() throws InterruptedException {
        // Process.destroy() would also close our end of its output, so its last words would hit a
        // closed pipe; a user's Ctrl-C does not do that. Signal through the handle instead.
        process.toHandle().destroy();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new AssertionError("The broker did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    List<String> output() {
        return output;
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
