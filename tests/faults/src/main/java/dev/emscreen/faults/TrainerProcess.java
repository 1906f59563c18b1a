package dev.emscreen.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A trainer command (train, score...) from its build, in a process of its own, its output to a log. */
final class TrainerProcess {

    private TrainerProcess() {
    }

    static void run(Path root, Path log, String... args) throws Exception {
        runMain(root, log, "dev.emscreen.trainer.Main", args);
    }

    /** Any main class on the trainer's classpath (DJL, the feature registry), the suite's own classes added. */
    static void runMain(Path root, Path log, String mainClass, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx2g", "-Dai.djl.offline=true", "-cp",
                root.resolve("trainer/target/classes") + ":" + root.resolve("trainer/target/lib") + "/*:"
                        + root.resolve("tests/faults/target/classes"), mainClass));
        command.addAll(List.of(args));
        java.nio.file.Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException(mainClass + " " + String.join(" ", args) + " failed; see " + log);
        }
    }
}
