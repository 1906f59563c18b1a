package dev.emscreen.trainer;

import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The labelled data a command builds on, which train, learning-curve and leave-one-out share: a folder, or the shipped corpus. */
final class SeedDataOption {

    @Option(names = "--data", paramLabel = "DIR",
            description = "Folder with samples.jsonl and reference.jsonl to build on (default: the built-in seed corpus).")
    Path data;

    SeedData load() throws IOException {
        return SeedData.load(data);
    }
}
