package dev.emscreen.schemas.registry;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;

/**
 * The embedded schema registry, selected by {@code schema.registry.url=mock://<scope>} (the scheme
 * Confluent's serdes use for theirs). Every client of one scope in a JVM shares one registry. It
 * behaves like the real server where the serde can tell: global ids shared by equal schemas across
 * subjects, versions per subject from 1, idempotent registration, and BACKWARD compatibility
 * enforced by default (409 on an incompatible schema). A scope lives as long as the JVM unless it
 * is given a {@link SchemaJournal} with {@link #persistTo}.
 */
public final class InMemorySchemaRegistry implements SchemaRegistryClient {

    /** The URL scheme that selects this registry. */
    public static final String SCHEME = "mock";

    private static final Map<String, InMemorySchemaRegistry> SCOPES = new ConcurrentHashMap<>();

    private final String scope;
    private final Map<Integer, Schema> byId = new HashMap<>();
    private final Map<String, Integer> idByCanonicalForm = new HashMap<>();
    // Sorted, so that subjects are listed as Confluent's registry lists them.
    private final Map<String, List<Integer>> versionsBySubject = new TreeMap<>();
    private final Map<String, CompatibilityLevel> levelBySubject = new HashMap<>();
    private CompatibilityLevel globalLevel = CompatibilityLevel.BACKWARD;
    private SchemaJournal journal;

    private InMemorySchemaRegistry(String scope) {
        this.scope = scope;
    }

    /** The registry of {@code scope}, created on first use. */
    public static InMemorySchemaRegistry scope(String scope) {
        return SCOPES.computeIfAbsent(scope, InMemorySchemaRegistry::new);
    }

    /** Forgets everything registered in {@code scope}. */
    public static void dropScope(String scope) {
        SCOPES.remove(scope);
    }

    @Override
    public synchronized int register(String subject, Schema schema) {
        String canonical = key(schema);
        List<Integer> versions = versionsBySubject.getOrDefault(subject, List.of());
        Integer existing = idByCanonicalForm.get(canonical);
        if (existing != null && versions.contains(existing)) {
            return existing;
        }
        List<Schema> registered = versions.stream().map(byId::get).toList();
        List<String> problems = compatibility(subject).problems(schema, registered);
        if (!problems.isEmpty()) {
            throw new SchemaRegistryException(409, SchemaRegistryException.INCOMPATIBLE,
                    "Schema being registered is incompatible with an earlier schema for subject '" + subject
                            + "': " + problems);
        }
        // Journaled before it is applied: a change the journal could not keep would give its id to
        // another schema after a restart.
        if (journal != null) {
            journal.registered(subject, schema);
        }
        int id = existing != null ? existing : byId.size() + 1;
        byId.putIfAbsent(id, schema);
        idByCanonicalForm.putIfAbsent(canonical, id);
        versionsBySubject.computeIfAbsent(subject, s -> new ArrayList<>()).add(id);
        return id;
    }

    /**
     * Keeps this scope across restarts of the process that hosts it: replays {@code file} (every
     * registration and compatibility change, in order, so every schema gets its old id back), then
     * appends each new change to it. For a registry served to other processes on one machine; a
     * deployment uses a real schema registry.
     */
    public synchronized void persistTo(Path file) throws IOException {
        if (journal != null) {
            return;
        }
        SchemaJournal opened = SchemaJournal.open(file);
        for (SchemaJournal.Entry entry : opened.entries()) {
            if (entry instanceof SchemaJournal.Registration r) {
                register(r.subject(), r.schema());
            } else if (entry instanceof SchemaJournal.CompatibilityChange c) {
                setCompatibility(c.subject(), c.level());
            }
        }
        // Only now: the replayed changes are in the file already.
        journal = opened;
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
            throw schemaNotFound(id);
        }
        return schema;
    }

    @Override
    public synchronized RegisteredSchema latest(String subject) {
        return version(subject, versionsOf(subject).size());
    }

    /** Every subject with at least one version, sorted by name. */
    public synchronized List<String> subjects() {
        return List.copyOf(versionsBySubject.keySet());
    }

    /** The versions of {@code subject}, oldest first (1, 2, ...). */
    public synchronized List<Integer> versions(String subject) {
        int count = versionsOf(subject).size();
        List<Integer> numbers = new ArrayList<>(count);
        for (int v = 1; v <= count; v++) {
            numbers.add(v);
        }
        return numbers;
    }

    /** Version {@code version} (from 1) of {@code subject}. */
    public synchronized RegisteredSchema version(String subject, int version) {
        List<Integer> versions = versionsOf(subject);
        if (version < 1 || version > versions.size()) {
            throw new SchemaRegistryException(404, SchemaRegistryException.VERSION_NOT_FOUND,
                    "Version " + version + " not found under subject '" + subject + "' in " + describe());
        }
        int id = versions.get(version - 1);
        return new RegisteredSchema(subject, id, version, byId.get(id));
    }

    /** Every subject and version that schema {@code id} is registered as, by subject name. */
    public synchronized List<RegisteredSchema> usesOf(int id) {
        Schema schema = getById(id);
        List<RegisteredSchema> uses = new ArrayList<>();
        versionsBySubject.forEach((subject, versions) -> {
            int index = versions.indexOf(id);
            if (index >= 0) {
                uses.add(new RegisteredSchema(subject, id, index + 1, schema));
            }
        });
        return uses;
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
        if (journal != null) {
            journal.compatibilitySet(subject, level);
        }
        if (subject == null) {
            globalLevel = level;
        } else {
            levelBySubject.put(subject, level);
        }
    }

    @Override
    public String describe() {
        return SCHEME + "://" + scope;
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

    private SchemaRegistryException schemaNotFound(int id) {
        return new SchemaRegistryException(404, SchemaRegistryException.SCHEMA_NOT_FOUND,
                "Schema " + id + " not found in " + describe());
    }
}
