package dev.emscreen.schemas.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.Schema;

/**
 * The changes made to an {@link InMemorySchemaRegistry}, one JSON line each, in the order they
 * were made. Ids are not written: replaying the registrations in order gives every schema its old
 * id back, because the registry numbers new schemas in registration order.
 */
final class SchemaJournal {

    /** One change, as it is replayed. */
    sealed interface Entry permits Registration, CompatibilityChange {
    }

    record Registration(String subject, Schema schema) implements Entry {
    }

    /** {@code subject} null: the global level. */
    record CompatibilityChange(String subject, CompatibilityLevel level) implements Entry {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path file;

    private SchemaJournal(Path file) {
        this.file = file;
    }

    /** The journal at {@code file}; its folder is created if missing, so the first change can be written. */
    static SchemaJournal open(Path file) throws IOException {
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        return new SchemaJournal(file);
    }

    Path file() {
        return file;
    }

    /** Every change written so far, oldest first; none when the file does not exist yet. */
    List<Entry> entries() throws IOException {
        List<Entry> entries = new ArrayList<>();
        if (!Files.isRegularFile(file)) {
            return entries;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                entries.add(parse(line));
            }
        }
        return entries;
    }

    void registered(String subject, Schema schema) {
        append(entry("register", subject).put("schema", schema.toString()));
    }

    void compatibilitySet(String subject, CompatibilityLevel level) {
        append(entry("config", subject).put("level", level.name()));
    }

    private Entry parse(String line) throws IOException {
        JsonNode entry = JSON.readTree(line);
        String subject = entry.path("subject").isTextual() ? entry.path("subject").asText() : null;
        return switch (entry.path("op").asText()) {
            case "register" -> new Registration(subject, new Schema.Parser().parse(entry.path("schema").asText()));
            case "config" -> new CompatibilityChange(subject, CompatibilityLevel.parse(entry.path("level").asText()));
            // A line this version cannot apply would silently shift every later id: refuse the whole journal.
            default -> throw new IOException(file + ": unknown journal entry " + line);
        };
    }

    private static ObjectNode entry(String op, String subject) {
        return JSON.createObjectNode().put("op", op).put("subject", subject);
    }

    private void append(ObjectNode entry) {
        try {
            Files.writeString(file, entry + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            // The change is refused rather than kept in memory only: after a restart its id would go to another schema.
            throw new SchemaRegistryException(500, 50001, "cannot write the registry journal " + file + ": " + e.getMessage(), e);
        }
    }
}
