package dev.emscreen.features.encoder;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * A BERT-style transformer exported to ONNX, run with ONNX Runtime; its tokenizer.json is read by
 * the Hugging Face tokenizers library through DJL. The models are the {@link ShippedEncoder}s, each
 * from a Maven artifact, so nothing is downloaded at run time.
 *
 * <p>It is the fp32 export on purpose: the int8 export quantizes activations dynamically over the
 * whole batch tensor, so a text's hidden states (and its score) would depend on which other texts
 * shared its batch. Here a text encodes the same alone or in any batch.
 */
public final class OnnxTextEncoder implements TextEncoder {

    private static final int BATCH = 16;

    private final String id;
    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final TokenWindow window;
    private final long clsId;
    private final long sepId;
    private final int dimension;
    private final String device;

    private OnnxTextEncoder(String id, byte[] model, InputStream tokenizerJson, int maxTokens, Truncation truncation)
            throws OrtException, IOException {
        this.id = id;
        OnnxSessions.Opened opened = OnnxSessions.open((env, options) -> env.createSession(model, options));
        this.session = opened.session();
        this.device = opened.device();
        // The file's own settings truncate and pad to 128; this class decides both itself.
        this.tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
                Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
        long[] specials = tokenizer.encode("", true, false).getIds();
        this.clsId = specials[0];
        this.sepId = specials[specials.length - 1];
        this.window = new TokenWindow(maxTokens - 2, truncation);
        this.dimension = probeDimension();
    }

    /** A shipped model from its Maven artifact on the class path. */
    public static OnnxTextEncoder open(ShippedEncoder model, int maxTokens, Truncation truncation) {
        try (InputStream weights = resource(model, model.modelResource());
             InputStream tokenizer = resource(model, model.tokenizerResource())) {
            return new OnnxTextEncoder(model.id(), weights.readAllBytes(), tokenizer, maxTokens, truncation);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (OrtException e) {
            throw new IllegalStateException("Cannot load the encoder " + model.shortName() + ": " + e.getMessage(), e);
        }
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
        return window.limit() + 2;
    }

    @Override
    public String device() {
        return device;
    }

    @Override
    public List<TokenStates> encode(List<ChatText> texts) {
        List<TokenWindow.Tokens> tokens = texts.stream().map(this::tokenize).toList();
        TokenStates[] results = new TokenStates[texts.size()];
        // Similar lengths share a batch, so little compute goes to padding.
        Integer[] order = IntStream.range(0, texts.size()).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingInt(i -> tokens.get(i).ids().length));
        for (int from = 0; from < order.length; from += BATCH) {
            int[] batch = Arrays.stream(order, from, Math.min(order.length, from + BATCH)).mapToInt(Integer::intValue).toArray();
            float[][][] hidden = run(Arrays.stream(batch).mapToObj(tokens::get).toList());
            for (int b = 0; b < batch.length; b++) {
                TokenWindow.Tokens t = tokens.get(batch[b]);
                results[batch[b]] = new TokenStates(Arrays.copyOf(hidden[b], t.ids().length), t.response(), t.truncated(),
                        texts.get(batch[b]).response(), t.spans());
            }
        }
        return List.of(results);
    }

    private TokenWindow.Tokens tokenize(ChatText text) {
        Encoding encoding = tokenizer.encode(text.text(), false, false);
        var spans = encoding.getCharTokenSpans();
        return window.fit(encoding.getIds(), text.responseMask(spans), ChatText.offsets(spans)).withSpecials(clsId, sepId);
    }

    private float[][][] run(List<TokenWindow.Tokens> batch) {
        int length = batch.stream().mapToInt(t -> t.ids().length).max().orElse(0);
        long[] ids = new long[batch.size() * length];
        long[] mask = new long[ids.length];
        for (int b = 0; b < batch.size(); b++) {
            long[] row = batch.get(b).ids();
            System.arraycopy(row, 0, ids, b * length, row.length);
            Arrays.fill(mask, b * length, b * length + row.length, 1L);
        }
        long[] shape = {batch.size(), length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (session.getInputNames().contains("token_type_ids")) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(new long[ids.length]), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                return (float[][][]) result.get(0).getValue();
            }
        } catch (OrtException e) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.ENCODER_FAILURE,
                    "the encoder failed on a batch of " + batch.size() + ": " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private int probeDimension() {
        return run(List.of(new TokenWindow.Tokens(new long[] {clsId, sepId}, new boolean[2], false, new int[2][])))[0][0].length;
    }

    private static InputStream resource(ShippedEncoder model, String name) {
        InputStream in = OnnxTextEncoder.class.getClassLoader().getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException(name + " is not on the class path: add the Maven artifact " + model.id());
        }
        return in;
    }

    @Override
    public void close() {
        try {
            session.close();
        } catch (OrtException e) {
            throw new IllegalStateException(e);
        }
        tokenizer.close();
    }
}
