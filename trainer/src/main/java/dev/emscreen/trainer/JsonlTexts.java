package dev.emscreen.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.UnscreenableTextException;
import dev.emscreen.records.ChatMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSONL lines in any of the shapes users have: {@code {"messages":[{"role","content"}]}} (OpenAI
 * chat fine-tuning), {@code {"prompt","response"}}, or {@code {"text"}} (reference text, read as an
 * assistant's words). Optional: id, domain, split, label (inducing/control/harmful/benign).
 * A bad line becomes an entry with its error; the rest are read.
 */
public final class JsonlTexts {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line: a text, or why the line could not be read. */
    public record Line(int number, LabelledText text, String error) {
    }

    private JsonlTexts() {
    }

    public static List<Line> read(Path file, String defaultDomain, Boolean defaultLabel) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.getFileName().toString(), defaultDomain, defaultLabel);
        }
    }

    public static List<Line> read(InputStream in, String source, String defaultDomain, Boolean defaultLabel) throws IOException {
        List<Line> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int number = 0;
        for (String raw; (raw = reader.readLine()) != null; ) {
            number++;
            if (raw.isBlank()) {
                continue;
            }
            try {
                lines.add(new Line(number, parse(JSON.readTree(raw), source + ":" + number, defaultDomain, defaultLabel), null));
            } catch (IOException | IllegalArgumentException | UnscreenableTextException e) {
                lines.add(new Line(number, null, "line " + number + ": " + message(e)));
            }
        }
        return lines;
    }

    /** Only the good lines; fails naming the first bad one (for training data, which must be clean). */
    public static List<LabelledText> readAll(InputStream in, String source) throws IOException {
        List<LabelledText> texts = new ArrayList<>();
        for (Line line : read(in, source, null, null)) {
            if (line.error() != null) {
                throw new IllegalArgumentException(source + " " + line.error());
            }
            texts.add(line.text());
        }
        return texts;
    }

    static LabelledText parse(JsonNode node, String fallbackId, String defaultDomain, Boolean defaultLabel) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        String id = node.path("id").asText(fallbackId);
        String domain = node.hasNonNull("domain") ? node.get("domain").asText() : defaultDomain;
        String split = node.hasNonNull("split") ? node.get("split").asText() : null;
        Boolean label = node.hasNonNull("label") ? label(node.get("label").asText()) : defaultLabel;
        if (node.has("messages")) {
            List<ChatMessage> messages = new ArrayList<>();
            for (JsonNode m : node.get("messages")) {
                if (!m.hasNonNull("role") || !m.hasNonNull("content")) {
                    throw new IllegalArgumentException("every message needs a role and a content");
                }
                messages.add(new ChatMessage(m.get("role").asText(), m.get("content").asText()));
            }
            return new LabelledText(id, LabelledText.Kind.SAMPLE, domain, split, label, ChatText.of(messages),
                    LabelledText.responseOf(messages));
        }
        if (node.has("response")) {
            String response = node.get("response").asText();
            return new LabelledText(id, LabelledText.Kind.SAMPLE, domain, split, label,
                    ChatText.of(node.path("prompt").asText(""), response), response);
        }
        if (node.has("text")) {
            String text = node.get("text").asText();
            return new LabelledText(id, LabelledText.Kind.REFERENCE, domain, split, label,
                    ChatText.of(List.of(new ChatMessage("assistant", text))), text);
        }
        throw new IllegalArgumentException("expected \"messages\", \"prompt\"/\"response\" or \"text\"");
    }

    private static Boolean label(String text) {
        return switch (text) {
            case "inducing", "harmful", "1", "true" -> true;
            case "control", "benign", "0", "false" -> false;
            default -> throw new IllegalArgumentException("unknown label '" + text + "' (inducing, control, harmful, benign)");
        };
    }

    private static String message(Exception e) {
        String m = e.getMessage() == null ? e.toString() : e.getMessage();
        int newline = m.indexOf('\n');
        return newline > 0 ? m.substring(0, newline) : m;
    }
}
