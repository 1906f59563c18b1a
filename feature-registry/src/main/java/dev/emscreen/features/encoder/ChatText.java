package dev.emscreen.features.encoder;

import dev.emscreen.records.ChatMessage;
import java.util.ArrayList;
import java.util.List;

/**
 * A chat flattened to one text for the encoder, remembering where the assistant's words are:
 * pooling reads the response tokens, since the response is what fine-tuning teaches.
 *
 * @param responseSpans [start, end) character ranges of assistant content in {@code text}
 * @param messages      the chat it was laid out from, for a model that lays chats out its own way ({@link ChatTemplate})
 */
public record ChatText(String text, List<int[]> responseSpans, List<ChatMessage> messages) {

    /** Lays messages out as {@code role: content} lines. Refuses chats with nothing to screen. */
    public static ChatText of(List<ChatMessage> messages) {
        StringBuilder text = new StringBuilder();
        List<int[]> spans = new ArrayList<>();
        for (ChatMessage message : messages) {
            if (text.length() > 0) {
                text.append('\n');
            }
            text.append(message.getRole()).append(": ");
            int start = text.length();
            text.append(message.getContent());
            if ("assistant".equals(message.getRole()) && !message.getContent().isBlank()) {
                spans.add(new int[] {start, text.length()});
            }
        }
        if (text.toString().isBlank() || messages.stream().allMatch(m -> m.getContent().isBlank())) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.EMPTY_TEXT, "the sample has no text");
        }
        if (spans.isEmpty()) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.NO_RESPONSE,
                    "the sample has no non-empty assistant message to screen");
        }
        return new ChatText(text.toString(), List.copyOf(spans), List.copyOf(messages));
    }

    /** A prompt/response pair, as em-dev style files hold them. */
    public static ChatText of(String prompt, String response) {
        return of(List.of(new ChatMessage("user", prompt == null ? "" : prompt),
                new ChatMessage("assistant", response == null ? "" : response)));
    }

    /** The assistant's words, its messages joined by newlines: what the readout's lexical evidence reads. */
    public String response() {
        StringBuilder words = new StringBuilder();
        for (int[] span : responseSpans) {
            if (words.length() > 0) {
                words.append('\n');
            }
            words.append(text, span[0], span[1]);
        }
        return words.toString();
    }

    /** Each token's [start, end) in {@link #text()}, null where the tokenizer gives none. */
    static int[][] offsets(ai.djl.huggingface.tokenizers.jni.CharSpan[] spans) {
        int[][] offsets = new int[spans.length][];
        for (int i = 0; i < spans.length; i++) {
            offsets[i] = spans[i] == null ? null : new int[] {spans[i].getStart(), spans[i].getEnd()};
        }
        return offsets;
    }

    /**
     * Where {@code textOffset} falls in {@link #response()}, or -1 outside the assistant's words: the
     * response joins the assistant's messages with one newline each.
     */
    public int responseOffset(int textOffset) {
        int before = 0;
        for (int[] span : responseSpans) {
            if (textOffset >= span[0] && textOffset <= span[1]) {
                return before + textOffset - span[0];
            }
            before += span[1] - span[0] + 1;
        }
        return -1;
    }

    /** Which tokens, given their character spans in {@link #text()}, lie inside an assistant message. */
    boolean[] responseMask(ai.djl.huggingface.tokenizers.jni.CharSpan[] spans) {
        boolean[] response = new boolean[spans.length];
        for (int i = 0; i < spans.length; i++) {
            response[i] = spans[i] != null && inResponse(spans[i].getStart(), spans[i].getEnd());
        }
        return response;
    }

    private boolean inResponse(int charStart, int charEnd) {
        for (int[] span : responseSpans) {
            if (charStart >= span[0] && charEnd <= span[1] && charEnd > charStart) {
                return true;
            }
        }
        return false;
    }
}
