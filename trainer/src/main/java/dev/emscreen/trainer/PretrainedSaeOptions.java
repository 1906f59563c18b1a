package dev.emscreen.trainer;

import dev.emscreen.features.sae.PretrainedSae;
import dev.emscreen.features.sae.SaeFormatException;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** A pretrained SAE to build around (Gemma Scope, SAELens) instead of training one. */
final class PretrainedSaeOptions {

    @Option(names = "--sae", paramLabel = "PATH",
            description = "Build around a pretrained SAE instead of training one: Gemma Scope's params.npz, or a SAELens "
                    + "sae_weights.safetensors with its cfg.json (a file, or the folder holding it). It must read the hidden "
                    + "states the model gives (--torchscript-model or --onnx-model).")
    Path path;

    @Option(names = "--sae-format", paramLabel = "FORMAT",
            description = "gemma-scope or saelens (default: from the path: .npz is Gemma Scope, .safetensors SAELens).")
    String format;

    @Option(names = "--sae-release", paramLabel = "NAME",
            description = "With --sae: the release it comes from, recorded in the bundle (default: from the path, e.g. gemma-scope-2b-pt-res).")
    String release;

    /** The SAE, read and checked (k: --k if given, for a TopK SAE whose configuration has none); null without --sae. */
    PretrainedSae.Imported read(CommandSpec spec, int k) throws IOException {
        if (path == null) {
            if (format != null || release != null) {
                throw new ParameterException(spec.commandLine(), "--sae-format and --sae-release describe --sae PATH");
            }
            return null;
        }
        try {
            PretrainedSae.Format f = format == null ? PretrainedSae.Format.guess(path) : PretrainedSae.Format.of(format);
            PretrainedSae.Imported imported = PretrainedSae.read(path, f, spec.commandLine().getParseResult().hasMatchedOption("--k") ? k : 0,
                    release);
            System.out.printf("Pretrained SAE %s: %s, %d x %d %s%s%n", path, f.id(), imported.sae().dModel(), imported.sae().dSae(),
                    imported.source().activation(), imported.source().hookPoint() == null ? "" : ", reads " + imported.source().hookPoint());
            return imported;
        } catch (IllegalArgumentException | SaeFormatException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * The model output to read: --layer, or for an SAE that says which block it reads, the output after
     * that block. An export that returns every hidden state (deploy/models) returns the embeddings first,
     * so block L's output is output L + 1: Gemma Scope's layer_12 reads output 13.
     */
    static int layer(CommandSpec spec, int layer, PretrainedSae.Imported imported) {
        Integer state = imported == null ? null : imported.source().hiddenState();
        if (state == null) {
            if (imported != null && !spec.commandLine().getParseResult().hasMatchedOption("--layer")) {
                System.out.println("The SAE does not say which hidden state it reads: reading the model's last (give --layer)");
            }
            return layer;
        }
        if (!spec.commandLine().getParseResult().hasMatchedOption("--layer")) {
            System.out.printf("Reading the model's output %d: the hidden state %s, which the SAE reads%n", state,
                    state == 0 ? "of the embeddings" : "after block " + (state - 1));
            return state;
        }
        if (layer != state) {
            System.out.printf("Warning: --layer %d reads output %d, but the SAE reads output %d (the hidden state %s, in an "
                    + "export that returns the embeddings first)%n", layer, layer, state,
                    state == 0 ? "of the embeddings" : "after block " + (state - 1));
        }
        return layer;
    }
}
