package dev.emscreen.trainer;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code ./emscreen train | score | evaluate | learning-curve | bench-features | publish}: the feature-set jobs. */
@Command(name = "emscreen", mixinStandardHelpOptions = true,
        subcommands = {TrainCommand.class, ScoreCommand.class, EvaluateCommand.class, BenchCommand.class, PublishCommand.class,
                LearningCurveCommand.class, LeaveOneOutCommand.class},
        description = "Builds, scores with and evaluates EM Screen feature sets.")
public final class Main {

    public static void main(String[] args) {
        // No hub, no telemetry: DJL must not reach for the network.
        System.setProperty("ai.djl.offline", System.getProperty("ai.djl.offline", "true"));
        System.exit(new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true).execute(args));
    }
}
