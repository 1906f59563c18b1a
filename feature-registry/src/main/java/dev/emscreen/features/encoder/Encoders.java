package dev.emscreen.features.encoder;

import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.FeatureSetManifest;

/** Opens the encoder a feature set was built with, so nobody has to remember which one it was. */
public final class Encoders {

    private Encoders() {
    }

    public static TextEncoder open(FeatureSet set, Truncation truncation) {
        FeatureSetManifest.Encoder spec = set.manifest().encoder();
        return switch (spec.kind()) {
            case "ONNX" -> {
                ShippedEncoder model;
                try {
                    model = ShippedEncoder.byId(spec.id());
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException("Feature set " + set.version() + ": " + e.getMessage(), e);
                }
                yield OnnxTextEncoder.open(model, spec.maxTokens(), truncation);
            }
            case "TORCHSCRIPT" -> TorchScriptTextEncoder.load(set.directory().resolve(FeatureSetBundle.ENCODER_MODEL_FILE),
                    set.directory().resolve(FeatureSetBundle.ENCODER_TOKENIZER_FILE), chatTemplate(set), spec.layer(), spec.maxTokens(),
                    truncation);
            case OnnxLanguageModelEncoder.KIND -> OnnxLanguageModelEncoder.load(set.directory().resolve(FeatureSetBundle.ENCODER_ONNX_FILE),
                    set.directory().resolve(FeatureSetBundle.ENCODER_TOKENIZER_FILE), chatTemplate(set), spec.layer(), spec.maxTokens(),
                    truncation);
            default -> throw new IllegalArgumentException("Unknown encoder kind '" + spec.kind() + "' in " + set.version());
        };
    }

    /** The language model's chat template the set was built with, or null where it has none (verified with the bundle). */
    static ChatTemplate chatTemplate(FeatureSet set) {
        if (!set.manifest().files().containsKey(FeatureSetBundle.ENCODER_CHAT_TEMPLATE_FILE)) {
            return null;
        }
        try {
            return ChatTemplate.read(set.directory().resolve(FeatureSetBundle.ENCODER_CHAT_TEMPLATE_FILE));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Feature set " + set.version() + ": unreadable chat template: " + e.getMessage(), e);
        }
    }
}
