package dev.emscreen.features.encoder;

import ai.djl.MalformedModelException;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.djl.inference.Predictor;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.repository.zoo.Criteria;
import ai.djl.repository.zoo.ModelNotFoundException;
import ai.djl.repository.zoo.ZooModel;
import ai.djl.translate.NoopTranslator;
import ai.djl.translate.TranslateException;
import dev.emscreen.features.bundle.Sha256;
import dev.emscreen.features.sae.SaeFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A user's own language model, exported as TorchScript, run on DJL's PyTorch engine (GPU when
 * present). The model takes {@code (input_ids [1, seq], attention_mask [1, seq])} (int64) and
 * returns one tensor per layer, each [1, seq, d_model]; {@code layer} picks one (negative counts
 * from the last). The chat is laid out by the model's chat template when it has one ({@link ChatTemplate});
 * tokens come from the model's own {@code tokenizer.json}, without added special tokens: the template,
 * or else the export, puts whatever the model needs around the text.
 */
public final class TorchScriptTextEncoder implements TextEncoder {

    private final String id;
    private final ZooModel<NDList, NDList> model;
    private final LanguageModelInput input;
    private final int layer;
    private final int dimension;

    private TorchScriptTextEncoder(String id, ZooModel<NDList, NDList> model, HuggingFaceTokenizer tokenizer, ChatTemplate template,
                                   int maxTokens, Truncation truncation, int layer) {
        this.id = id;
        this.model = model;
        this.input = new LanguageModelInput(tokenizer, template, new TokenWindow(maxTokens, truncation));
        this.layer = layer;
        this.dimension = run(tokenizer.encode("a", false, false).getIds())[0].length;
    }

    /** Loads {@code model} (a TorchScript .pt file) and {@code tokenizerJson}; the id names the model by its hash. */
    public static TorchScriptTextEncoder load(Path modelFile, Path tokenizerJson, int layer, int maxTokens, Truncation truncation) {
        return load(modelFile, tokenizerJson, null, layer, maxTokens, truncation);
    }

    /** As above, laying chats out with {@code template} (null: plain {@code role: content} lines). */
    public static TorchScriptTextEncoder load(Path modelFile, Path tokenizerJson, ChatTemplate template, int layer, int maxTokens,
                                              Truncation truncation) {
        try {
            Criteria<NDList, NDList> criteria = Criteria.builder()
                    .setTypes(NDList.class, NDList.class)
                    .optModelPath(modelFile)
                    .optEngine("PyTorch")
                    .optDevice(SaeFiles.device())
                    .optTranslator(new NoopTranslator())
                    .build();
            ZooModel<NDList, NDList> model = criteria.loadModel();
            HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.newInstance(tokenizerJson,
                    Map.of("truncation", "false", "padding", "false", "addSpecialTokens", "false"));
            String id = "torchscript:sha256:" + Sha256.of(modelFile);
            return new TorchScriptTextEncoder(id, model, tokenizer, template, maxTokens, truncation, layer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ModelNotFoundException | MalformedModelException e) {
            throw new IllegalArgumentException("Cannot load TorchScript model " + modelFile + ": " + e.getMessage(), e);
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
        return input.window().limit();
    }

    @Override
    public String kind() {
        return "TORCHSCRIPT";
    }

    @Override
    public String device() {
        return SaeFiles.name(model.getNDManager().getDevice());
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
        try (NDManager scope = model.getNDManager().newSubManager();
             Predictor<NDList, NDList> predictor = model.newPredictor()) {
            long[] mask = new long[ids.length];
            java.util.Arrays.fill(mask, 1L);
            NDList input = new NDList(scope.create(new long[][] {ids}), scope.create(new long[][] {mask}));
            NDList output = predictor.predict(input);
            int index = layer < 0 ? output.size() + layer : layer;
            if (index < 0 || index >= output.size()) {
                throw new IllegalArgumentException("Layer " + layer + " is outside the model's " + output.size() + " outputs");
            }
            NDArray hidden = output.get(index);
            int d = (int) hidden.getShape().get(2);
            float[] flat = hidden.toFloatArray();
            float[][] rows = new float[ids.length][];
            for (int t = 0; t < ids.length; t++) {
                rows[t] = java.util.Arrays.copyOfRange(flat, t * d, (t + 1) * d);
            }
            output.close();
            return rows;
        } catch (TranslateException e) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.ENCODER_FAILURE,
                    "the TorchScript model failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        model.close();
        input.tokenizer().close();
    }
}
