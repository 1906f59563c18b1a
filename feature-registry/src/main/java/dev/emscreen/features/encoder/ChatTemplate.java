package dev.emscreen.features.encoder;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.lib.fn.ELFunctionDefinition;
import dev.emscreen.records.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How a chat model lays a conversation out as text: its Jinja chat template, as Hugging Face keeps it
 * in {@code tokenizer_config.json} ({@code chat_template}, with {@code bos_token} and
 * {@code eos_token}), rendered with Jinjava the way transformers renders it (blocks trimmed, no
 * generation prompt: the assistant's turn is already there). A model reads a chat best in the layout
 * it was tuned on; its hidden states, and so its SAE features, differ for any other.
 *
 * <p>The assistant's words are then located in the rendered text ({@link #apply}), so pooling still
 * reads the response tokens only.
 *
 * @param template the Jinja source
 * @param bosToken what {@code bos_token} renders as ("" if the model has none)
 * @param eosToken what {@code eos_token} renders as ("" if none)
 */
public record ChatTemplate(String template, String bosToken, String eosToken) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public ChatTemplate {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("A chat template needs its Jinja source");
        }
        bosToken = bosToken == null ? "" : bosToken;
        eosToken = eosToken == null ? "" : eosToken;
    }

    /**
     * The template a {@code tokenizer_config.json} names: {@code chat_template} as a string, or the one
     * named "default" of a list; special tokens as strings or as {@code {"content": ...}} objects.
     */
    public static ChatTemplate fromTokenizerConfig(Path file) throws IOException {
        return of(file, null);
    }

    /**
     * @param tokenizerConfig the model's {@code tokenizer_config.json}, for its special tokens and (without
     *                        {@code jinja}) its template; null if there is none
     * @param jinja           a template file to use instead of the configuration's, or null
     */
    public static ChatTemplate of(Path tokenizerConfig, Path jinja) throws IOException {
        JsonNode config = tokenizerConfig == null ? JSON.createObjectNode() : json(tokenizerConfig);
        String source = jinja != null ? Files.readString(jinja) : templateOf(config);
        if (source == null) {
            throw new IllegalArgumentException(tokenizerConfig + " has no chat_template (a string, or a list with one named "
                    + "\"default\"): give the template itself with --chat-template FILE");
        }
        return new ChatTemplate(source, token(config.path("bos_token")), token(config.path("eos_token")));
    }

    /** Whether a {@code tokenizer_config.json} has a chat template at all. */
    public static boolean hasTemplate(Path tokenizerConfig) throws IOException {
        return templateOf(json(tokenizerConfig)) != null;
    }

    private static String templateOf(JsonNode config) {
        JsonNode template = config.path("chat_template");
        if (template.isTextual()) {
            return template.asText();
        }
        for (JsonNode named : template) {
            if ("default".equals(named.path("name").asText())) {
                return named.path("template").asText(null);
            }
        }
        return null;
    }

    private static JsonNode json(Path file) throws IOException {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException(file + " is not JSON: " + e.getMessage(), e);
        }
    }

    private static String token(JsonNode node) {
        return node.isTextual() ? node.asText() : node.path("content").asText("");
    }

    /** This template as a bundle keeps it (JSON), and back. */
    public void write(Path file) throws IOException {
        JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), this);
    }

    public static ChatTemplate read(Path file) throws IOException {
        return JSON.readValue(file.toFile(), ChatTemplate.class);
    }

    /**
     * The chat laid out by the template, with the assistant's words located in it. Where they are is
     * learnt from a second rendering with a marker in place of each message: the text between the
     * markers is the template's own, so the words are placed exactly, even a reply ("user", "model",
     * "yes") that also occurs in the template's turn headers or in an earlier message. A template that
     * writes messages other than as given (or trimmed) falls back to finding each message in turn.
     */
    public ChatText apply(ChatText chat) {
        List<ChatMessage> messages = chat.messages();
        String text = render(messages);
        List<ChatMessage> marked = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) {
            marked.add(new ChatMessage(messages.get(i).getRole(), marker(i)));
        }
        String layout = render(marked);
        for (boolean trimmed : new boolean[] {false, true}) {
            List<int[]> spans = new ArrayList<>();
            if (text.equals(fill(layout, messages, trimmed, spans))) {
                return new ChatText(text, List.copyOf(spans), messages);
            }
        }
        return new ChatText(text, List.copyOf(searched(text, messages)), messages);
    }

    /** A message's stand-in: no template changes it, and no real text contains it. */
    private static String marker(int i) {
        return "\u2063emscreen-message-" + i + "\u2063";
    }

    /** The layout with each marker replaced by its message (trimmed or as given), noting where assistant words land. */
    private static String fill(String layout, List<ChatMessage> messages, boolean trimmed, List<int[]> spans) {
        StringBuilder out = new StringBuilder();
        int cursor = 0;
        for (int i = 0; i < messages.size(); i++) {
            int at = layout.indexOf(marker(i), cursor);
            if (at < 0) {
                return null; // the template dropped or reordered a message
            }
            out.append(layout, cursor, at);
            String words = trimmed ? messages.get(i).getContent().strip() : messages.get(i).getContent();
            if ("assistant".equals(messages.get(i).getRole()) && !words.isBlank()) {
                int lead = words.length() - words.stripLeading().length();
                spans.add(new int[] {out.length() + lead, out.length() + words.stripTrailing().length()});
            }
            out.append(words);
            cursor = at + marker(i).length();
        }
        return out.append(layout, cursor, layout.length()).toString();
    }

    /** Each message found in turn, every message moving the search on, so a reply is not found in an earlier turn. */
    private static List<int[]> searched(String text, List<ChatMessage> messages) {
        List<int[]> spans = new ArrayList<>();
        int from = 0;
        for (ChatMessage message : messages) {
            String words = message.getContent().strip();
            if (words.isEmpty()) {
                continue;
            }
            int start = text.indexOf(words, from);
            boolean assistant = "assistant".equals(message.getRole());
            if (start < 0 && assistant) {
                throw new UnscreenableTextException(UnscreenableTextException.Reason.ENCODER_FAILURE,
                        "the chat template does not write the assistant's words as they are, so the response cannot be found in it");
            }
            if (start >= 0) {
                if (assistant) {
                    spans.add(new int[] {start, start + words.length()});
                }
                from = start + words.length();
            }
        }
        return spans;
    }

    private String render(List<ChatMessage> messages) {
        List<Map<String, Object>> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            turns.add(Map.of("role", m.getRole(), "content", m.getContent()));
        }
        Map<String, Object> context = new HashMap<>();
        context.put("messages", turns);
        context.put("bos_token", bosToken);
        context.put("eos_token", eosToken);
        context.put("add_generation_prompt", false);
        RAISED.remove();
        var result = JINJAVA.get().renderForResult(template, context);
        String raised = RAISED.get();
        RAISED.remove();
        var fatal = result.getErrors().stream().filter(e -> e.getSeverity() == com.hubspot.jinjava.interpret.TemplateError.ErrorType.FATAL)
                .findFirst();
        if (raised != null || fatal.isPresent()) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.ENCODER_FAILURE,
                    "the chat template refused the chat: " + (raised != null ? raised : fatal.get().getMessage()));
        }
        return result.getOutput();
    }

    /**
     * transformers renders with trim_blocks and lstrip_blocks, and gives templates raise_exception. Nested
     * interpretation is off: Jinjava would otherwise render Jinja found inside a message's content (a
     * sample quoting a template, or hostile text), which is data and must reach the model as written.
     */
    private static final ThreadLocal<Jinjava> JINJAVA = ThreadLocal.withInitial(() -> {
        Jinjava jinjava = new Jinjava(JinjavaConfig.newBuilder().withTrimBlocks(true).withLstripBlocks(true)
                .withFailOnUnknownTokens(false).withNestedInterpretationEnabled(false).build());
        jinjava.getGlobalContext().registerFunction(new ELFunctionDefinition("", "raise_exception", ChatTemplate.class,
                "raise", String.class));
        return jinjava;
    });

    /** What a template's raise_exception said during this thread's render: Jinjava wraps it, the user wants the words. */
    private static final ThreadLocal<String> RAISED = new ThreadLocal<>();

    /** A template's own refusal (e.g. a system turn the model does not take): the message is the template's. */
    public static String raise(String message) {
        RAISED.set(message);
        throw new IllegalArgumentException(message);
    }
}
