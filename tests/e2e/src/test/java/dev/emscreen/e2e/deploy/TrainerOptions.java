package dev.emscreen.e2e.deploy;

import dev.emscreen.trainer.Main;
import java.util.List;
import picocli.CommandLine;

/** Which of a trainer job's arguments the trainer does not know (the first argument names the command). */
final class TrainerOptions {

    private TrainerOptions() {
    }

    static List<String> unknown(List<String> args) {
        CommandLine command = new CommandLine(new Main()).getSubcommands().get(args.get(0));
        if (command == null) {
            return List.of(args.get(0));
        }
        return args.stream().filter(a -> a.startsWith("--") && command.getCommandSpec().findOption(a) == null).toList();
    }
}
