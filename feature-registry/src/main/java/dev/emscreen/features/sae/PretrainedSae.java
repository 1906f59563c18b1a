package dev.emscreen.features.sae;

import ai.djl.ndarray.NDArray;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emscreen.records.SaeArchitecture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A pretrained SAE from a public release, read as the release ships it: Gemma Scope's
 * {@code params.npz} (JumpReLU, reading the raw residual stream), or SAELens's
 * {@code sae_weights.safetensors} with its {@code cfg.json} (JumpReLU, TopK or ReLU). Everything that
 * would make it read the hidden states differently from how it was trained is refused with the reason.
 *
 * <p>This product's SAE form subtracts {@code b_dec} before encoding; an SAE that does not (Gemma
 * Scope, SAELens with {@code apply_b_dec_to_input: false}) is carried into that form exactly by
 * folding {@code b_dec·W_enc} into {@code b_enc}; the source's note says so.
 */
public final class PretrainedSae {

    /** How a release lays its SAE out on disk. */
    public enum Format {
        GEMMA_SCOPE("gemma-scope"), SAELENS("saelens");

        private final String id;

        Format(String id) {
            this.id = id;
        }

        public String id() {
            return id;
        }

        public static Format of(String id) {
            for (Format f : values()) {
                if (f.id.equalsIgnoreCase(id)) {
                    return f;
                }
            }
            throw new IllegalArgumentException("Unknown SAE format '" + id + "': use gemma-scope or saelens");
        }

        /** From the path: a .npz is Gemma Scope; a .safetensors, or a folder with cfg.json, is SAELens. */
        public static Format guess(Path path) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".npz") || Files.isRegularFile(path.resolve(GEMMA_SCOPE_FILE))) {
                return GEMMA_SCOPE;
            }
            if (name.endsWith(".safetensors") || Files.isRegularFile(path.resolve(SAELENS_CONFIG))) {
                return SAELENS;
            }
            throw new IllegalArgumentException("Cannot tell the SAE format of " + path
                    + " (neither a .npz, a .safetensors, nor a folder with params.npz or cfg.json): give --sae-format");
        }
    }

    /** An SAE read from a release, and where it came from. */
    public record Imported(SparseAutoencoder sae, SaeSource source) {
    }

    static final String GEMMA_SCOPE_FILE = "params.npz";
    static final String SAELENS_WEIGHTS = "sae_weights.safetensors";
    static final String SAELENS_CONFIG = "cfg.json";
    private static final Pattern LAYER = Pattern.compile("layer_(\\d+)");
    private static final Pattern BLOCK = Pattern.compile("blocks\\.(\\d+)\\.");
    private static final Pattern RELEASE = Pattern.compile("(gemma-scope-[A-Za-z0-9.-]+)");

    private PretrainedSae() {
    }

    /** Path parts kept of an SAE file outside any folder named after its release. */
    static final int RECORDED_PARTS = 4;

    /**
     * The SAE file as the manifest records it: from the release's folder on where the path shows one
     * ({@code gemma-scope-2b-pt-res/layer_12/width_16k/average_l0_82/params.npz}), else its last
     * {@link #RECORDED_PARTS} path parts. Never where this machine keeps it: the manifest is hashed into
     * the version, and the same SAE built into the same set elsewhere must get the same version.
     */
    static String recorded(Path file, String release) {
        Path absolute = file.toAbsolutePath().normalize();
        int from = Math.max(0, absolute.getNameCount() - RECORDED_PARTS);
        for (int i = 0; release != null && i < absolute.getNameCount(); i++) {
            if (absolute.getName(i).toString().equals(release)) {
                from = i;
            }
        }
        return absolute.subpath(from, absolute.getNameCount()).toString().replace('\\', '/');
    }

    /**
     * @param path    the SAE's file, or the folder holding it
     * @param k       for a TopK SAE whose configuration does not say k (0: none given)
     * @param release the release's name, if the path does not show it (null: from the path)
     */
    public static Imported read(Path path, Format format, int k, String release) throws IOException {
        if (!Files.exists(path)) {
            throw new SaeFormatException("No SAE at " + path);
        }
        return format == Format.GEMMA_SCOPE ? gemmaScope(path, release) : saeLens(path, k, release);
    }

    private static Imported gemmaScope(Path path, String release) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(GEMMA_SCOPE_FILE) : path;
        String where = path.toAbsolutePath().normalize().toString().replace('\\', '/');
        String named = release != null ? release : find(RELEASE, where);
        if (named != null && !named.contains("-res")) {
            throw new SaeFormatException(file + " is from " + named + ", whose SAEs read MLP or attention outputs; "
                    + "EM Screen gives an SAE the residual stream (a -res release, e.g. gemma-scope-2b-pt-res)");
        }
        String layer = find(LAYER, where);
        SaeSource[] source = new SaeSource[1];
        SparseAutoencoder sae = SaeFiles.read(file, (manager, w) -> {
            long[] shape = SaeFiles.checkShapes(w, file);
            if (!w.containsKey("threshold")) {
                throw new SaeFormatException(file + " has no 'threshold' array: a Gemma Scope SAE is JumpReLU and cannot be "
                        + "served without its thresholds (found " + w.keySet() + ")");
            }
            source[0] = new SaeSource(Format.GEMMA_SCOPE.id(), recorded(file, named), named, null,
                    layer == null ? null : "blocks." + layer + ".hook_resid_post", layer == null ? null : Integer.valueOf(layer),
                    (int) shape[1], "jumprelu", FOLDED);
            return new SparseAutoencoder(manager, SaeArchitecture.JUMPRELU, 0, w.get("W_enc"), folded(w),
                    w.get("W_dec"), w.get("b_dec"), w.get("threshold"));
        });
        return new Imported(sae, source[0]);
    }

    private static Imported saeLens(Path path, int k, String release) throws IOException {
        Path file = Files.isDirectory(path) ? path.resolve(SAELENS_WEIGHTS) : path;
        Path configFile = file.resolveSibling(SAELENS_CONFIG);
        if (!Files.isRegularFile(configFile)) {
            throw new SaeFormatException("No " + SAELENS_CONFIG + " beside " + file + ": a SAELens SAE is read with its "
                    + "configuration (architecture, hook, whether b_dec is subtracted from the input)");
        }
        JsonNode cfg;
        try {
            cfg = new ObjectMapper().readTree(configFile.toFile());
        } catch (IOException e) {
            throw new SaeFormatException(configFile + " is not JSON: " + e.getMessage(), e);
        }
        String activation = activation(cfg, configFile);
        String normalise = cfg.path("normalize_activations").asText("none");
        if (!normalise.isEmpty() && !normalise.equals("none")) {
            throw new SaeFormatException(configFile + " normalises its inputs (normalize_activations: " + normalise
                    + "), which EM Screen does not reproduce; use an SAE with normalize_activations \"none\"");
        }
        // SAELens 6 keeps where the SAE was trained under "meta"; earlier versions at the top level.
        String hook = text(cfg, "hook_name");
        if (hook != null && !hook.endsWith("hook_resid_post") && !hook.endsWith("hook_resid_pre")) {
            throw new SaeFormatException(configFile + ": the SAE reads " + hook + "; EM Screen gives an SAE a hidden state "
                    + "between blocks (a hook_resid_pre or hook_resid_post hook point)");
        }
        Integer block = hook != null && find(BLOCK, hook) != null ? Integer.valueOf(find(BLOCK, hook))
                : cfg.path("hook_layer").isInt() ? Integer.valueOf(cfg.get("hook_layer").asInt())
                : cfg.path("meta").path("hook_layer").isInt() ? Integer.valueOf(cfg.get("meta").get("hook_layer").asInt()) : null;
        // resid_pre of block L is the state before it, after block L - 1; resid_post the state after block L.
        Integer layer = block == null || hook == null || hook.endsWith("hook_resid_post") ? block : Integer.valueOf(block - 1);
        int topK = cfg.path("k").isNumber() ? cfg.get("k").asInt() : cfg.path("activation_fn_kwargs").path("k").asInt(k);
        boolean centred = cfg.path("apply_b_dec_to_input").asBoolean(true);
        String model = text(cfg, "model_name");
        SaeSource[] source = new SaeSource[1];
        SparseAutoencoder sae = SaeFiles.read(file, (manager, w) -> {
            if (w.containsKey("log_threshold") && !w.containsKey("threshold")) {
                w.put("threshold", w.get("log_threshold").exp());
            }
            long[] shape = SaeFiles.checkShapes(w, file);
            expectConfig(cfg, "d_in", shape[0], configFile, file);
            expectConfig(cfg, "d_sae", shape[1], configFile, file);
            String note = centred ? null : FOLDED;
            NDArray bEnc = centred ? w.get("b_enc") : folded(w);
            SparseAutoencoder built = switch (activation) {
                case "jumprelu" -> {
                    if (!w.containsKey("threshold")) {
                        throw new SaeFormatException(file + " has no 'threshold' array, and " + configFile
                                + " says the SAE is JumpReLU: it cannot be served without its thresholds (found " + w.keySet() + ")");
                    }
                    yield new SparseAutoencoder(manager, SaeArchitecture.JUMPRELU, 0, w.get("W_enc"), bEnc, w.get("W_dec"),
                            w.get("b_dec"), w.get("threshold"));
                }
                case "topk" -> {
                    if (topK <= 0 || topK > shape[1]) {
                        throw new SaeFormatException(configFile + " describes a TopK SAE but gives no k in 1.." + shape[1]
                                + " (got " + topK + "): give --k");
                    }
                    yield new SparseAutoencoder(manager, SaeArchitecture.TOPK, topK, w.get("W_enc"), bEnc, w.get("W_dec"),
                            w.get("b_dec"), null);
                }
                default -> {
                    // ReLU is JumpReLU with every threshold at zero: pre·[pre > 0].
                    NDArray zero = manager.zeros(new ai.djl.ndarray.types.Shape(shape[1]));
                    yield new SparseAutoencoder(manager, SaeArchitecture.JUMPRELU, 0, w.get("W_enc"), bEnc, w.get("W_dec"),
                            w.get("b_dec"), zero);
                }
            };
            source[0] = new SaeSource(Format.SAELENS.id(), recorded(file, release), release, model, hook, layer, (int) shape[1], activation,
                    activation.equals("relu") ? join(note, "ReLU served as JumpReLU with every threshold 0") : note);
            return built;
        });
        return new Imported(sae, source[0]);
    }

    private static final String FOLDED = "reads the raw hidden state: b_dec·W_enc folded into b_enc, so (h - b_dec)·W_enc + b_enc "
            + "equals the release's h·W_enc + b_enc";

    /** {@code b_enc + b_dec·W_enc}: the encoder bias that gives the same pre-activations once b_dec is subtracted first. */
    private static NDArray folded(Map<String, NDArray> w) {
        return w.get("b_enc").add(w.get("b_dec").expandDims(0).matMul(w.get("W_enc")).squeeze(0));
    }

    /** jumprelu, topk or relu; an architecture this product cannot serve is refused. */
    private static String activation(JsonNode cfg, Path configFile) {
        String architecture = cfg.path("architecture").asText("");
        String fn = cfg.path("activation_fn_str").asText(cfg.path("activation_fn").asText(""));
        String a = (architecture.isEmpty() || architecture.equals("standard")) && !fn.isEmpty() ? fn : architecture;
        return switch (a.toLowerCase(Locale.ROOT)) {
            case "jumprelu" -> "jumprelu";
            case "topk" -> "topk";
            case "standard", "relu", "" -> "relu";
            default -> throw new SaeFormatException(configFile + " describes a " + a
                    + " SAE; EM Screen serves JumpReLU, TopK and ReLU (standard) SAEs");
        };
    }

    private static void expectConfig(JsonNode cfg, String field, long actual, Path configFile, Path file) {
        if (cfg.path(field).isNumber() && cfg.get(field).asLong() != actual) {
            throw new SaeFormatException(configFile + " says " + field + " = " + cfg.get(field).asLong() + " but the weights in "
                    + file + " have " + actual);
        }
    }

    /** A string field of a SAELens configuration, at the top level or under "meta" (SAELens 6); null if absent. */
    private static String text(JsonNode cfg, String field) {
        JsonNode node = cfg.path(field).isTextual() ? cfg.get(field) : cfg.path("meta").path(field);
        return node.isTextual() ? node.asText() : null;
    }

    private static String find(Pattern pattern, String text) {
        Matcher m = pattern.matcher(text);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return last;
    }

    private static String join(String a, String b) {
        return a == null ? b : a + "; " + b;
    }
}
