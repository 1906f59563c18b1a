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
 * <p>The assistant's words are then found in the rendered text (each assistant message in turn, as
 * the template writes it, trimmed), so pooling still reads the response tokens only.
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

    /** The chat laid out by the template, with the assistant's words located in it. */
    public ChatText apply(ChatText chat) {
        String text = render(chat.messages());
        List<int[]> spans = new ArrayList<>();
        int from = 0;
        for (ChatMessage message : chat.messages()) {
            String words = message.getContent().strip();
            if (!"assistant".equals(message.getRole()) || words.isEmpty()) {
                continue;
            }
            int start = text.indexOf(words, from);
            if (start < 0) {
                throw new UnscreenableTextException(UnscreenableTextException.Reason.ENCODER_FAILURE,
                        "the chat template does not write the assistant's words as they are, so the response cannot be found in it");
            }
            spans.add(new int[] {start, start + words.length()});
            from = start + words.length();
        }
        return new ChatText(text, List.copyOf(spans), chat.messages());
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
        if (raised != null || !result.getErrors().isEmpty()) {
            throw new UnscreenableTextException(UnscreenableTextException.Reason.ENCODER_FAILURE,
                    "the chat template refused the chat: " + (raised != null ? raised : result.getErrors().get(0).getMessage()));
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
