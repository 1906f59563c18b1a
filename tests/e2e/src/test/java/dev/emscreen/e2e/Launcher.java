package dev.emscreen.e2e;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** ./emscreen as an operator runs it: a process of its own in the project's root, its output captured. */
final class Launcher {

    static final Path ROOT = Path.of(System.getProperty("emscreen.root", "../..")).toAbsolutePath().normalize();

    /** The state every end-to-end test of the launcher shares: the default feature set is built once, by the first. */
    static final Path HOME = ROOT.resolve("tests/e2e/target/emscreen-home");

    record Result(int exit, String output) {
    }

    private Launcher() {
    }

    static Process start(Path root, Path log, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(root.resolve("emscreen").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().put("EMSCREEN_HOME", HOME.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /** Runs a command to its end (at most {@code minutes}); what it printed comes back with its exit status. */
    static Result run(Path root, Path log, int minutes, Map<String, String> env, String... args) throws Exception {
        Files.deleteIfExists(log);
        Process process = start(root, log, env, args);
        if (!process.waitFor(minutes, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("./emscreen " + String.join(" ", args) + " did not finish in " + minutes + " min:\n" + read(log));
        }
        return new Result(process.exitValue(), read(log));
    }

    static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read " + log + ")";
        }
    }
}
