package dev.emscreen.schemas.registry;

import java.io.Closeable;
import org.apache.avro.Schema;

/**
 * The parts of Confluent's schema-registry REST API that the serde and the operators need.
 * Two implementations: {@link RestSchemaRegistryClient} for a real server (Confluent, Apicurio's
 * ccompat API, Karapace, Redpanda) and {@link InMemorySchemaRegistry} for {@code mock://} URLs.
 */
public interface SchemaRegistryClient extends Closeable {

    /** Registers {@code schema} under {@code subject} (idempotent) and returns its global id. */
    int register(String subject, Schema schema);

    /** The id of {@code schema} if it is already registered under {@code subject}. */
    RegisteredSchema lookup(String subject, Schema schema);

    /** The schema a record written with {@code id} was written with. */
    Schema getById(int id);

    /** The newest version registered under {@code subject}. */
    RegisteredSchema latest(String subject);

    /** Whether {@code schema} may be registered next under {@code subject}, by the subject's level. */
    boolean isCompatible(String subject, Schema schema);

    CompatibilityLevel compatibility(String subject);

    void setCompatibility(String subject, CompatibilityLevel level);

    /** Where this client points, for error messages. */
    String describe();

    @Override
    default void close() {
    }
}
