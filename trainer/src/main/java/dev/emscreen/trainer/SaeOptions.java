package dev.emscreen.trainer;

import dev.emscreen.features.encoder.ShippedEncoder;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The encoder and SAE settings that train, learning-curve and leave-one-out share. */
final class SaeOptions {

    @Option(names = "--encoder", paramLabel = "NAME",
            description = "Which shipped encoder reads the text: e5-small-v2 (the default), bge-small-en-v1.5 or all-minilm-l6-v2.")
    String encoderName;

    @Option(names = "--sae-width", defaultValue = "1024", description = "SAE features (default: ${DEFAULT-VALUE}).")
    int saeWidth;

    @Option(names = "--k", defaultValue = "16", description = "Active features per token (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--epochs", defaultValue = "30", description = "SAE training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    /** The build's defaults with these SAE settings. */
    BuildOptions buildOptions() {
        BuildOptions d = BuildOptions.defaults();
        return new BuildOptions(saeWidth, k, epochs, d.toxicCount(), d.quarantineBudget(), d.reviewBudget(), d.dropFraction(),
                d.maxTokens(), d.maxSaeTokens(), seed, false);
    }

    /** The named shipped encoder, or the default; an unknown name is a usage error listing the shipped ones. */
    ShippedEncoder encoder(CommandSpec spec) {
        try {
            return encoderName == null ? ShippedEncoder.DEFAULT : ShippedEncoder.byShortName(encoderName);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }
}
