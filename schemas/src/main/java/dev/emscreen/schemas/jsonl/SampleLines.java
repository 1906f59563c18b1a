package dev.emscreen.schemas.jsonl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emscreen.records.ChatMessage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import static java.nio.charset.StandardCharsets.UTF_8;

/**
 * The one reader of JSONL samples, for every tool (import, train, score, evaluate). A line is
 * {@code {"messages":[{"role","content"}]}} (OpenAI chat fine-tuning), {@code {"prompt","response"}}
 * (prompt optional), or {@code {"text"}} (reference text, read as an assistant's words); optional id,
 * domain, split, label (inducing/harmful/1/true or control/benign/0/false) and metadata (strings).
 * A bad line is reported with its number and why; the others are read.
 */
public final class SampleLines {

    /** Roles of the chat fine-tuning format; anything else is a typo, not a conversation. */
    public static final Set<String> ROLES = Set.of("system", "user", "assistant");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A line read: a sample, or the reason it is not one ("line 3: not JSON ..."). */
    public record Read(int number, SampleLine sample, String error) {
        public boolean ok() {
            return error == null;
        }
    }

    private SampleLines() {
    }

    public static List<Read> read(Path file, String defaultDomain) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, defaultDomain);
        }
    }

    /** Every non-blank line of {@code in}; bytes that are not UTF-8 make their own line bad, not the file. */
    public static List<Read> read(InputStream in, String defaultDomain) throws IOException {
        List<Read> lines = new ArrayList<>();
        forEach(in, defaultDomain, lines::add);
        return lines;
    }

    /** As {@link #read}, handing each line to {@code each} as it is read: for files too large to hold. */
    public static void forEach(InputStream in, String defaultDomain, Consumer<Read> each) throws IOException {
        InputStream buffered = new BufferedInputStream(in, 1 << 16);
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int number = 0;
        for (int b = buffered.read(); ; b = buffered.read()) {
            if (b != '\n' && b != -1) {
                line.write(b);
                continue;
            }
            if (b == -1 && line.size() == 0) {
                break;
            }
            number++;
            // Decoded a line at a time, strictly: a reader over the whole stream would fail every line after a bad byte.
            try {
                String raw = UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line.toByteArray())).toString();
                if (!raw.isBlank()) {
                    each.accept(readLine(raw, number, defaultDomain));
                }
            } catch (CharacterCodingException e) {
                each.accept(new Read(number, null, "line " + number + ": not UTF-8 text"));
            }
            line.reset();
            if (b == -1) {
                break;
            }
        }
    }

    /** One line, numbered {@code number}. */
    public static Read readLine(String line, int number, String defaultDomain) {
        try {
            return new Read(number, parse(line, number, defaultDomain), null);
        } catch (IllegalArgumentException e) {
            return new Read(number, null, "line " + number + ": " + e.getMessage());
        }
    }

    /** One line as a sample; an {@link IllegalArgumentException} says what is wrong with it. */
    public static SampleLine parse(String line, int number, String defaultDomain) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        List<ChatMessage> messages = new ArrayList<>();
        boolean reference = false;
        if (node.has("messages")) {
            if (!node.get("messages").isArray() || node.get("messages").isEmpty()) {
                throw new IllegalArgumentException("\"messages\" must be a non-empty array");
            }
            for (JsonNode m : node.get("messages")) {
                String role = m.path("role").asText("");
                if (!ROLES.contains(role)) {
                    throw new IllegalArgumentException("a message has role '" + role + "' (system, user or assistant)");
                }
                if (!m.path("content").isTextual()) {
                    throw new IllegalArgumentException("a " + role + " message has no text content");
                }
                messages.add(new ChatMessage(role, m.get("content").asText()));
            }
        } else if (node.path("response").isTextual()) {
            if (node.has("prompt") && !node.get("prompt").isTextual()) {
                throw new IllegalArgumentException("\"prompt\" must be text");
            }
            if (node.path("prompt").isTextual()) {
                messages.add(new ChatMessage("user", node.get("prompt").asText()));
            }
            messages.add(new ChatMessage("assistant", node.get("response").asText()));
        } else if (node.path("text").isTextual()) {
            messages.add(new ChatMessage("assistant", node.get("text").asText()));
            reference = true;
        } else {
            throw new IllegalArgumentException("needs \"messages\", \"prompt\" and \"response\", or \"text\"");
        }
        if (messages.stream().noneMatch(m -> m.getRole().equals("assistant") && !m.getContent().isBlank())) {
            throw new IllegalArgumentException("no non-empty assistant message: nothing to screen");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        String id = node.path("id").isTextual() && !node.get("id").asText().isBlank() ? node.get("id").asText() : contentId(messages);
        String domain = text(node, "domain", defaultDomain);
        Boolean label = node.hasNonNull("label") ? label(node.get("label").asText()) : null;
        return new SampleLine(number, id, domain, text(node, "split", null), label, messages, metadata, reference);
    }

    /** Named by content, so importing or scoring the same line twice gives the same id. */
    static String contentId(List<ChatMessage> messages) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(messages.toString().getBytes(StandardCharsets.UTF_8));
            return "sha-" + HexFormat.of().formatHex(digest).substring(0, 20);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static String text(JsonNode node, String field, String otherwise) {
        return node.hasNonNull(field) && !node.get(field).asText().isBlank() ? node.get(field).asText() : otherwise;
    }

    private static Boolean label(String text) {
        return switch (text) {
            case "inducing", "harmful", "1", "true" -> true;
            case "control", "benign", "0", "false" -> false;
            default -> throw new IllegalArgumentException("unknown label '" + text + "' (inducing, control, harmful, benign)");
        };
    }
}
