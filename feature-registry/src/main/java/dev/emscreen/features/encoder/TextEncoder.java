package dev.emscreen.features.encoder;

import java.util.List;

/** Turns chats into per-token hidden states. Implementations are thread-safe. */
public interface TextEncoder extends AutoCloseable {

    /** Identity of the model, recorded in every feature set and verdict (e.g. its Maven coordinates). */
    String id();

    int dimension();

    int maxTokens();

    /** One result per input, in order. Throws {@link UnscreenableTextException} for a text it refuses. */
    List<TokenStates> encode(List<ChatText> texts);

    @Override
    void close();
}
