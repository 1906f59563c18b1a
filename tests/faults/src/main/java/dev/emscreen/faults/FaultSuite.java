package dev.emscreen.faults;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./emscreen faults [--feature-set DIR] [--samples N] [--kills K] [--load-minutes M] [scenario...]}:
 * runs the fault scenarios (crash, broker-restart, bad-input, feature-set, load) against real processes
 * and prints one FAULT line per scenario. Exits 1 if a check fails: anything lost or doubled included.
 */
public final class FaultSuite {

    private FaultSuite() {
    }

    /** A small valid feature set other than the default (seed {@code seed}), built by the trainer once. */
    static Path otherSet(Path root, Path work, int seed) throws Exception {
        Path dir = work.resolve("other-sets/set-" + seed);
        Path zip = dir.resolveSibling("set-" + seed + ".zip");
        if (!java.nio.file.Files.exists(zip)) {
            TrainerProcess.run(root, work.resolve("other-set-" + seed + ".log"), "train", "--out", dir.toString(),
                    "--data", seedSlice(root, work).toString(), "--sae-width", "128", "--k", "8", "--epochs", "2", "--toxic", "20",
                    "--seed", Integer.toString(seed));
        }
        return zip;
    }

    /**
     * Every ninth seed sample and reference line (an odd stride, so both sides of the corpus's answer
     * pairs come through): a set built on it is as valid as one built on the whole corpus, in a tenth
     * of the encoding time.
     */
    private static Path seedSlice(Path root, Path work) throws java.io.IOException {
        Path dir = java.nio.file.Files.createDirectories(work.resolve("other-sets/seed-slice"));
        for (String file : List.of("samples.jsonl", "reference.jsonl")) {
            List<String> lines = java.nio.file.Files.readAllLines(root.resolve("trainer/src/main/resources/seed").resolve(file));
            java.nio.file.Files.write(dir.resolve(file), java.util.stream.IntStream.range(0, lines.size()).filter(i -> i % 9 == 0)
                    .mapToObj(lines::get).toList());
        }
        return dir;
    }

    /** A bundle whose hashes are all right but whose SAE reads states of the wrong width (see {@link WrongShapeBundle}). */
    static Path wrongShapeSet(Path root, Path work) throws Exception {
        Path base = otherSet(root, work, 1);
        Path dir = work.resolve("other-sets/wrong-shape");
        Path zip = dir.resolveSibling("wrong-shape.zip");
        if (!java.nio.file.Files.exists(zip)) {
            TrainerProcess.runMain(root, work.resolve("wrong-shape.log"), WrongShapeBundle.class.getName(),
                    base.resolveSibling("set-1").toString(), dir.toString());
        }
        return zip;
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("emscreen.root", ".")).toAbsolutePath().normalize();
        Path featureSet = null;
        Path work = root.resolve(".emscreen/faults");
        int samples = 50_000;
        int kills = 5;
        int loadMinutes = 5;
        List<String> scenarios = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--feature-set" -> featureSet = Path.of(args[++i]);
                case "--samples" -> samples = Integer.parseInt(args[++i]);
                case "--kills" -> kills = Integer.parseInt(args[++i]);
                case "--load-minutes" -> loadMinutes = Integer.parseInt(args[++i]);
                case "--work" -> work = Path.of(args[++i]);
                default -> scenarios.add(args[i]);
            }
        }
        if (featureSet == null) {
            throw new IllegalArgumentException("--feature-set DIR is required (./emscreen faults passes the default set)");
        }
        if (scenarios.isEmpty()) {
            scenarios = List.of("crash", "broker-restart", "bad-input", "feature-set", "load");
        }
        Scenarios suite = new Scenarios(root, work, featureSet, samples);
        List<String> report = new ArrayList<>();
        boolean failed = false;
        for (String scenario : scenarios) {
            long started = System.nanoTime();
            System.out.println("scenario " + scenario + " ...");
            Report result = switch (scenario) {
                case "crash" -> suite.crash(kills);
                case "broker-restart" -> suite.brokerRestart();
                case "bad-input" -> suite.badInput();
                case "feature-set" -> suite.featureSetFaults(otherSet(root, work, 1), otherSet(root, work, 2),
                        wrongShapeSet(root, work));
                case "load" -> suite.load(loadMinutes);
                default -> throw new IllegalArgumentException("unknown scenario " + scenario
                        + " (crash, broker-restart, bad-input, feature-set, load)");
            };
            result.lines().forEach(System.out::println);
            System.out.printf("  %s: %s in %.0f s; logs in %s%n", scenario, result.passed() ? "passed" : "FAILED",
                    (System.nanoTime() - started) / 1e9, work.resolve(scenario));
            report.add(result.faultLine() + (result.passed() ? "" : "  FAILED"));
            failed |= !result.passed();
        }
        System.out.println();
        report.forEach(System.out::println);
        System.exit(failed ? 1 : 0);
    }
}
