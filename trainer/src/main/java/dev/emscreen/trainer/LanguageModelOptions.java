package dev.emscreen.trainer;

import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.ChatTemplate;
import dev.emscreen.features.encoder.OnnxLanguageModelEncoder;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TorchScriptTextEncoder;
import dev.emscreen.features.encoder.Truncation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Your own language model instead of a shipped encoder: TorchScript or ONNX, as deploy/models exports
 * them, with its tokenizer and chat template. Everything it needs at serving time goes into the bundle.
 */
final class LanguageModelOptions {

    @Option(names = "--torchscript-model", paramLabel = "FILE", description = "Your own LM, exported as TorchScript, instead of a shipped encoder.")
    Path torchscriptModel;

    @Option(names = "--onnx-model", paramLabel = "FILE",
            description = "Your own LM, exported as ONNX with every hidden state (deploy/models/export_hf_model.py), instead of a "
                    + "shipped encoder; its weights file encoder-model.onnx.data, if beside it, goes along.")
    Path onnxModel;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "The model's tokenizer.json.")
    Path tokenizer;

    @Option(names = "--tokenizer-config", paramLabel = "FILE",
            description = "The model's tokenizer_config.json, for its chat template and special tokens "
                    + "(default: the one beside --tokenizer, if any).")
    Path tokenizerConfig;

    @Option(names = "--chat-template", paramLabel = "FILE",
            description = "A Jinja chat template to lay chats out with, instead of the tokenizer configuration's.")
    Path chatTemplate;

    @Option(names = "--layer", defaultValue = "-1",
            description = "Which hidden state to read: the model's output number (0: the embeddings; L + 1: after block L; "
                    + "default: the last, or with --sae, the one the SAE reads).")
    int layer;

    boolean given() {
        return torchscriptModel != null || onnxModel != null;
    }

    /** The model, reading hidden state {@code layer}; a usage error says what is missing or contradictory. */
    TextEncoder open(CommandSpec spec, String shippedName, int layer, int maxTokens) throws IOException {
        if (torchscriptModel != null && onnxModel != null) {
            throw new ParameterException(spec.commandLine(), "--torchscript-model and --onnx-model each name the model: give one");
        }
        String option = torchscriptModel != null ? "--torchscript-model" : "--onnx-model";
        if (tokenizer == null) {
            throw new ParameterException(spec.commandLine(), option + " needs --tokenizer (the model's tokenizer.json)");
        }
        if (shippedName != null) {
            throw new ParameterException(spec.commandLine(), "--encoder and " + option + " each name the encoder: give one");
        }
        if (onnxModel != null) {
            requireBundleableWeights(spec);
        }
        template = template(spec);
        try {
            return torchscriptModel != null
                    ? TorchScriptTextEncoder.load(torchscriptModel, tokenizer, template, layer, maxTokens, Truncation.TRUNCATE)
                    : OnnxLanguageModelEncoder.load(onnxModel, tokenizer, template, layer, maxTokens, Truncation.TRUNCATE);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * A model over 2 GB keeps its weights in a file its graph names; the bundle carries it as
     * encoder-model.onnx.data beside encoder-model.onnx, so a graph that names another file would train here
     * and fail where the bundle is served. Refused now, with the fix.
     */
    private void requireBundleableWeights(CommandSpec spec) {
        String name = onnxModel.getFileName().toString();
        Path dir = onnxModel.toAbsolutePath().getParent();
        for (String weights : new String[] {name + ".data", name + "_data", name.replaceFirst("\\.onnx$", "") + ".onnx_data"}) {
            if (!weights.equals(FeatureSetBundle.ENCODER_ONNX_DATA_FILE) && Files.isRegularFile(dir.resolve(weights))) {
                throw new ParameterException(spec.commandLine(), onnxModel + " keeps its weights in " + weights + "; a bundle carries "
                        + "them as " + FeatureSetBundle.ENCODER_ONNX_DATA_FILE + " beside " + FeatureSetBundle.ENCODER_ONNX_FILE
                        + ": export with deploy/models/export_hf_model.py, or re-save the model with onnx.save_model(..., "
                        + "save_as_external_data=True, all_tensors_to_one_file=True, location=\"" + FeatureSetBundle.ENCODER_ONNX_DATA_FILE
                        + "\") as " + FeatureSetBundle.ENCODER_ONNX_FILE);
            }
        }
    }

    /** --chat-template, else the tokenizer configuration's (given, or beside the tokenizer), else none. */
    private ChatTemplate template(CommandSpec spec) throws IOException {
        Path config = tokenizerConfig != null ? tokenizerConfig
                : tokenizer.toAbsolutePath().resolveSibling("tokenizer_config.json");
        try {
            boolean configured = tokenizerConfig != null || Files.isRegularFile(config) && ChatTemplate.hasTemplate(config);
            if (chatTemplate == null && !configured) {
                return null; // a model without a chat template reads the plain role: content layout
            }
            ChatTemplate chosen = ChatTemplate.of(Files.isRegularFile(config) || tokenizerConfig != null ? config : null, chatTemplate);
            System.out.println("Chat template from " + (chatTemplate != null ? chatTemplate : config));
            return chosen;
        } catch (IllegalArgumentException | java.nio.file.NoSuchFileException e) {
            throw new ParameterException(spec.commandLine(), e instanceof java.nio.file.NoSuchFileException
                    ? "No such file: " + e.getMessage() : e.getMessage());
        }
    }

    /** The chat template {@link #open} chose (null: none), which the bundle then carries. */
    private ChatTemplate template;

    /**
     * The files the bundle must carry to open this model again: the model (and its weights file), tokenizer,
     * and the template {@link #open} chose, written to {@code scratch}.
     */
    Map<String, Path> bundleFiles(Path scratch) throws IOException {
        Map<String, Path> files = new LinkedHashMap<>();
        if (!given()) {
            return files;
        }
        if (torchscriptModel != null) {
            files.put(FeatureSetBundle.ENCODER_MODEL_FILE, torchscriptModel);
        } else {
            files.put(FeatureSetBundle.ENCODER_ONNX_FILE, onnxModel);
            Path data = onnxModel.toAbsolutePath().resolveSibling(FeatureSetBundle.ENCODER_ONNX_DATA_FILE);
            if (Files.isRegularFile(data)) {
                files.put(FeatureSetBundle.ENCODER_ONNX_DATA_FILE, data);
            }
        }
        files.put(FeatureSetBundle.ENCODER_TOKENIZER_FILE, tokenizer);
        if (template != null) {
            Path kept = scratch.resolve(FeatureSetBundle.ENCODER_CHAT_TEMPLATE_FILE);
            template.write(kept);
            files.put(FeatureSetBundle.ENCODER_CHAT_TEMPLATE_FILE, kept);
        }
        return files;
    }
}
