package dev.emscreen.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emscreen.features.bundle.Sha256;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.TrainingSample;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One JSONL line as a {@link TrainingSample}: chat format ({@code {"messages":[{"role","content"}]}})
 * or {@code {"prompt","response"}}; optional id, domain, metadata (strings). Without an id the
 * sample is named by its content, so importing the same file twice produces the same ids.
 */
final class SampleLines {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ROLES = Set.of("system", "user", "assistant");

    private SampleLines() {
    }

    static TrainingSample parse(String line, String source) {
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
        } else if (node.path("prompt").isTextual() && node.path("response").isTextual()) {
            messages.add(new ChatMessage("user", node.get("prompt").asText()));
            messages.add(new ChatMessage("assistant", node.get("response").asText()));
        } else {
            throw new IllegalArgumentException("needs \"messages\" or \"prompt\" and \"response\"");
        }
        if (messages.stream().noneMatch(m -> m.getRole().equals("assistant") && !m.getContent().isBlank())) {
            throw new IllegalArgumentException("no non-empty assistant message: nothing to screen");
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        node.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        String id = node.path("id").isTextual() && !node.get("id").asText().isBlank() ? node.get("id").asText()
                : "sha-" + Sha256.of(messages.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 20);
        return TrainingSample.newBuilder()
                .setId(id)
                .setSource(source)
                .setDomain(node.path("domain").isTextual() ? node.get("domain").asText() : null)
                .setMessages(messages)
                .setMetadata(metadata)
                .setIngestedAt(Instant.now())
                .build();
    }
}
