package dev.emscreen.schemas.registry;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * An in-memory schema registry selected by {@code schema.registry.url=mock://<scope>}, as
 * Confluent's serdes do. Every client of one scope in a JVM shares one registry. It behaves like
 * the real server where the serde can tell: global ids shared by equal schemas across subjects,
 * versions per subject from 1, idempotent registration, and BACKWARD compatibility enforced by
 * default (409 on an incompatible schema).
 */
public final class MockSchemaRegistry implements SchemaRegistryClient {

    private static final Map<String, MockSchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, Integer> idByCanonicalForm = new HashMap<>();
    private final Map<String, List<Integer>> versionsBySubject = new HashMap<>();
    private final Map<String, CompatibilityLevel> levelBySubject = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private java.nio.file.Path journal;

    private MockSchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** The registry of {@code scope}, created on first use. */
    public static MockSchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, MockSchemaRegistry::new);
    }

    /** Forgets everything registered in {@code scope}. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        String canonical = key(schema);
        List<Integer> versions = versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>());
        Integer existing = idByCanonicalForm.get(canonical);
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        List<Schema> registered = versions.stream().map(byId::get).toList();
        List<String> problems = compatibility(subject).problems(schema, registered);
        if (!problems.isEmpty()) {
            if (versions.isEmpty()) {
                versionsBySubject.remove(subject);
            }
            throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject
                            + "': " + problems);
        }
        int id = existing != null ? existing : byId.size() + 1;
        byId.putIfAbsent(id, schema);
        idByCanonicalForm.putIfAbsent(canonical, id);
        versions.add(id);
        record("register", subject, schema.toString());
        return id;
    }

    /**
     * Keeps this scope across restarts of the process that hosts it: replays {@code file} (every
     * registration and compatibility change, in order, so every schema gets its old id back), then
     * appends each new change to it. For a registry served to other processes on one machine; a
     * deployment uses a real schema registry.
     */
    public synchronized void persistTo(java.nio.file.Path file) throws java.io.IOException {
        if (journal != null) {
            return;
        }
        if (java.nio.file.Files.isRegularFile(file)) {
            for (String line : java.nio.file.Files.readAllLines(file, java.nio.charset.StandardCharsets.UTF_8)) {
                if (line.isBlank()) {
                    continue;
                }
                var entry = JOURNAL_JSON.readTree(line);
                String subject = entry.path("subject").isNull() ? null : entry.path("subject").asText(null);
                switch (entry.path("op").asText()) {
                    case "register" -> register(subject, new Schema.Parser().parse(entry.path("schema").asText()));
                    case "config" -> setCompatibility(subject, CompatibilityLevel.parse(entry.path("level").asText()));
                    default -> throw new java.io.IOException(file + ": unknown journal entry " + line);
                }
            }
        } else if (file.getParent() != null) {
            java.nio.file.Files.createDirectories(file.getParent());
        }
        journal = file;
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JOURNAL_JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private void record(String op, String subject, String value) {
        if (journal == null) {
            return;
        }
        var entry = JOURNAL_JSON.createObjectNode().put("op", op).put("subject", subject);
        entry.put("register".equals(op) ? "schema" : "level", value);
        try {
            java.nio.file.Files.writeString(journal, entry + "\n", java.nio.charset.StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            throw new SchemaRegistryException(500, 50001, "cannot write the registry journal " + journal + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized RegisteredSchema lookup(String subject, Schema schema) {
        List<Integer> versions = versionsOf(subject);
        Integer id = idByCanonicalForm.get(key(schema));
        int index = id == null ? -1 : versions.indexOf(id);
        if (index < 0) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema not found under subject '" + subject + "' in " + describe());
        }
        return new RegisteredSchema(subject, id, index + 1, byId.get(id));
    }

    @Override
    public synchronized Schema getById(int id) {
        Schema schema = byId.get(id);
        if (schema == null) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                    "Schema " + id + " not found in " + describe());
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        List<Integer> versions = versionsOf(subject);
        int id = versions.get(versions.size() - 1);
        return new RegisteredSchema(subject, id, versions.size(), byId.get(id));
    }

    @Override
    public synchronized boolean isCompatible(String subject, Schema schema) {
        List<Schema> registered = versionsBySubject.getOrDefault(subject, List.of()).stream().map(byId::get).toList();
        return compatibility(subject).problems(schema, registered).isEmpty();
    }

    @Override
    public synchronized CompatibilityLevel compatibility(String subject) {
        return levelBySubject.getOrDefault(subject, globalLevel);
    }

    @Override
    public synchronized void setCompatibility(String subject, CompatibilityLevel level) {
        if (subject == null) {
            globalLevel = level;
        } else {
            levelBySubject.put(subject, level);
        }
        record("config", subject, level.name());
    }

    @Override
    public String describe() {
        return "mock://" + scope;
    }

    /** Equal schemas share an id; unlike Avro's parsing form, the full JSON keeps defaults and docs apart. */
    private static String key(Schema schema) {
        return schema.toString();
    }

    private List<Integer> versionsOf(String subject) {
        List<Integer> versions = versionsBySubject.get(subject);
        if (versions == null || versions.isEmpty()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.SUBJECT_NOT_FOUND,
                    "Subject '" + subject + "' not found in " + describe());
        }
        return versions;
    }
}
