package dev.emscreen.features.encoder;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.emscreen.features.bundle.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A user's own causal language model exported to ONNX with every hidden state as an output
 * ({@code hidden_states.0}, the embeddings, to {@code hidden_states.N}, after the last block: what
 * {@code deploy/models/export_hf_model.py} writes from a Hugging Face model), run with ONNX Runtime.
 * {@code layer} picks {@code hidden_states.<layer>} (negative counts from the last), so the state
 * after block L is layer L + 1. The chat is laid out by the model's chat template, when it has one,
 * and tokenized by its tokenizer.json without added special tokens (the template adds its own).
 * One text per run: a causal model needs no padding, and a text's states do not depend on batch mates.
 */
public final class OnnxLanguageModelEncoder implements TextEncoder {

    /** The kind recorded in a feature set's manifest. */
    public static final String KIND = "ONNX_LM";
    private static final String PREFIX = "hidden_states.";

    private final String id;
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String device;
    private final LanguageModelInput input;
    private final int layer;
    private final String output;
    private final int dimension;

    private OnnxLanguageModelEncoder(String id, OrtSession session, String device, HuggingFaceTokenizer tokenizer,
                                     ChatTemplate template, int layer, int maxTokens, Truncation truncation) {
        this.id = id;
        this.session = session;
        this.device = device;
        this.input = new LanguageModelInput(tokenizer, template, new TokenWindow(maxTokens, truncation));
        this.layer = layer;
        this.output = outputFor(session, layer);
        this.dimension = run(tokenizer.encode("a", false, false).getIds())[0].length;
    }

    /**
     * @param template the chat layout, or null for the plain {@code role: content} lines
     * @throws IllegalArgumentException a file that is not such a model, with the reason
     */
    public static OnnxLanguageModelEncoder load(Path modelFile, Path tokenizerJson, ChatTemplate template, int layer, int maxTokens,
                                                Truncation truncation) {
        OrtSession session;
        String device;
        try {
            // From the path, so weights in an external data file beside it (models over 2 GB) load too.
            OnnxSessions.Opened opened = OnnxSessions.open((env, options) -> env.createSession(modelFile.toString(), options));
            session = opened.session();
            device = opened.device();
        } catch (OrtException e) {
            throw new IllegalArgumentException("Cannot load the ONNX model " + modelFile + ": " + e.getMessage(), e);
        }
        HuggingFaceTokenizer tokenizer = null;
        try {
            tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
            return new OnnxLanguageModelEncoder(id(modelFile), session, device, tokenizer, template, layer, maxTokens, truncation);
        } catch (IOException | RuntimeException e) {
            close(session);
            if (tokenizer != null) {
                tokenizer.close();
            }
            throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
        }
    }

    /**
     * The model's identity: its graph's hash, and its weights file's where they are kept beside it (two
     * fine-tunes of one architecture can share a graph byte for byte and differ only there).
     */
    private static String id(Path modelFile) throws IOException {
        Path weights = modelFile.toAbsolutePath().resolveSibling(modelFile.getFileName() + ".data");
        return "onnx:sha256:" + Sha256.of(modelFile) + (java.nio.file.Files.isRegularFile(weights) ? "+" + Sha256.of(weights) : "");
    }

    /** The output holding the asked-for hidden state; a model without hidden-state outputs is refused with what it has. */
    private static String outputFor(OrtSession session, int layer) {
        Set<String> outputs = session.getOutputNames();
        List<String> inputs = new ArrayList<>(session.getInputNames());
        inputs.removeAll(List.of("input_ids", "attention_mask", "position_ids"));
        if (!inputs.isEmpty() || !session.getInputNames().contains("input_ids")) {
            throw new IllegalArgumentException("The ONNX model takes " + session.getInputNames() + "; EM Screen gives input_ids, "
                    + "attention_mask and position_ids only: export it without past key values (deploy/models/export_hf_model.py)");
        }
        int states = (int) outputs.stream().filter(o -> o.startsWith(PREFIX)).count();
        if (states == 0) {
            throw new IllegalArgumentException("The ONNX model has no hidden_states.* outputs (it has " + outputs
                    + "): export it with every hidden state, as deploy/models/export_hf_model.py does");
        }
        int index = layer < 0 ? states + layer : layer;
        if (index < 0 || index >= states || !outputs.contains(PREFIX + index)) {
            throw new IllegalArgumentException("Layer " + layer + " is outside the model's " + states
                    + " hidden states (hidden_states.0, the embeddings, to hidden_states." + (states - 1) + ")");
        }
        try {
            var info = session.getOutputInfo().get(PREFIX + index).getInfo();
            if (!(info instanceof ai.onnxruntime.TensorInfo tensor) || tensor.type != ai.onnxruntime.OnnxJavaType.FLOAT) {
                throw new IllegalArgumentException("The ONNX model's " + PREFIX + index + " is " + info
                        + ", not float32: export the hidden states as float32 (deploy/models/export_hf_model.py does)");
            }
        } catch (OrtException e) {
            throw new IllegalArgumentException("Cannot read the ONNX model's outputs: " + e.getMessage(), e);
        }
        return PREFIX + index;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public int dimension() {
        return dimension;
    }

    @Override
    public int maxTokens() {
        return input.window().limit();
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public int layer() {
        return layer;
    }

    @Override
    public List<TokenStates> encode(List<ChatText> texts) {
        return input.encode(texts, this::run);
    }

    private float[][] run(long[] ids) {
        long[] shape = {1, ids.length};
        long[] mask = new long[ids.length];
        long[] positions = new long[ids.length];
        for (int t = 0; t < ids.length; t++) {
            mask[t] = 1;
            positions[t] = t;
        }
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            if (session.getInputNames().contains("attention_mask")) {
                inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            }
            if (session.getInputNames().contains("position_ids")) {
                inputs.put("position_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(positions), shape));
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(output))) {
                return ((float[][][]) result.get(0).getValue())[0];
            }
        } catch (OrtException e) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.ENCODER_FAILURE,
                    "the ONNX language model failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private static void close(OrtSession session) {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        close(session);
        input.tokenizer().close();
    }
}
