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
                    set.directory().resolve(FeatureSetBundle.ENCODER_TOKENIZER_FILE), spec.layer(), spec.maxTokens(), truncation);
            default -> throw new IllegalArgumentException("Unknown encoder kind '" + spec.kind() + "' in " + set.version());
        };
    }
}
