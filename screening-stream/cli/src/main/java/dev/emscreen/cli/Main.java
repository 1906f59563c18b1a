package dev.emscreen.cli;

import dev.emscreen.cli.local.DemoCommand;
import dev.emscreen.cli.local.StreamCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The screening stream's operator tools: run it locally, feed it, rule on its review queue, read what it routed. */
@Command(name = "emscreen", mixinStandardHelpOptions = true,
        subcommands = {StreamCommand.class, DemoCommand.class, ImportCommand.class, DecideCommand.class, ExportCommand.class,
                SummaryCommand.class},
        description = "Runs, feeds and reads the EM Screen screening stream.")
public final class Main {

    public static void main(String[] args) {
        CommandLine cli = new CommandLine(new Main()).setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, line, parsed) -> {
                    // A failed start (busy port, a part that exited) is the operator's to read, not a stack trace.
                    if (e instanceof IllegalStateException) {
                        line.getErr().println(e.getMessage());
                        return 1;
                    }
                    throw e;
                });
        System.exit(cli.execute(args));
    }
}
