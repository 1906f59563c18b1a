package dev.emscreen.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** {@code ./emscreen broker} as a user runs it: a separate process, stopped with SIGTERM as Ctrl-C would. */
final class StandaloneBroker implements AutoCloseable {

    private final Process process;
    private final List<String> output = new CopyOnWriteArrayList<>();
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private final int port;

    private StandaloneBroker(Process process, int port) {
        this.process = process;
        this.port = port;
        Thread pump = new Thread(() -> {
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

    /** Waits for a line of output containing {@code text}; fails with everything printed so far. */
    String awaitLine(String text, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.contains(text)) {
                return line;
            }
        }
        throw new AssertionError("No line containing '" + text + "' within " + seconds + " s; output:\n"
                + String.join("\n", output));
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
