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
                if (!OnnxTextEncoder.MINILM_ID.equals(spec.id())) {
                    throw new IllegalArgumentException("Feature set " + set.version() + " needs ONNX encoder " + spec.id()
                            + "; this build ships " + OnnxTextEncoder.MINILM_ID);
                }
                yield OnnxTextEncoder.minilm(spec.maxTokens(), truncation);
            }
            case "TORCHSCRIPT" -> TorchScriptTextEncoder.load(set.directory().resolve(FeatureSetBundle.ENCODER_MODEL_FILE),
                    set.directory().resolve(FeatureSetBundle.ENCODER_TOKENIZER_FILE), spec.layer(), spec.maxTokens(), truncation);
            default -> throw new IllegalArgumentException("Unknown encoder kind '" + spec.kind() + "' in " + set.version());
        };
    }
}
