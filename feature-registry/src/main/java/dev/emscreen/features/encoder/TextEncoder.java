package dev.emscreen.features.encoder;

import java.util.List;

/** Turns chats into per-token hidden states. Implementations are thread-safe. */
public interface TextEncoder extends AutoCloseable {

    /** Identity of the model, recorded in every feature set and verdict (e.g. its Maven coordinates). */
    String id();

    int dimension();

    int maxTokens();

    /** ONNX, ONNX_LM or TORCHSCRIPT: recorded in the feature set so it can be opened again. */
    default String kind() {
        return "ONNX";
    }

    /** Where the model runs: "cpu" or "cuda:N" (logged, in readiness data and metrics, and in benchmarks). */
    default String device() {
        return "cpu";
    }

    /** Which layer's hidden states this encoder returns; -1 for the last. */
    default int layer() {
        return -1;
    }

    /** One result per input, in order. Throws {@link UnscreenableTextException} for a text it refuses. */
    List<TokenStates> encode(List<ChatText> texts);

    @Override
    void close();

    /** Encodes many texts in chunks, reporting each chunk's size (for progress bars). */
    static List<TokenStates> encodeAll(TextEncoder encoder, List<ChatText> texts, java.util.function.IntConsumer progress) {
        List<TokenStates> all = new java.util.ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += 64) {
            List<ChatText> chunk = texts.subList(from, Math.min(texts.size(), from + 64));
            all.addAll(encoder.encode(chunk));
            progress.accept(chunk.size());
        }
        return all;
    }
}
