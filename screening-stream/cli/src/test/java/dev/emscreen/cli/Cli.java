package dev.emscreen.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import picocli.CommandLine;

/** Runs a command of the stream's tools in this JVM, as ./emscreen would, and captures what it printed. */
final class Cli {

    record Run(int exit, String out, String err) {
    }

    private Cli() {
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(outBytes, true));
            System.setErr(new PrintStream(errBytes, true));
            CommandLine cli = new CommandLine(new Main());
            cli.setErr(new java.io.PrintWriter(errBytes, true));
            cli.setCaseInsensitiveEnumValuesAllowed(true);
            int exit = cli.execute(args);
            return new Run(exit, outBytes.toString(), errBytes.toString());
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
