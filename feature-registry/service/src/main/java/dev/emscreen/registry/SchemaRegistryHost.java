package dev.emscreen.registry;

import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When this service's own schema registry is the in-memory one ({@code mock://<scope>}), it is
 * served to other processes at /ccompat (Confluent's API, as Apicurio's ccompat is) and journaled
 * to disk, so a stream, an importer and this registry on one machine share schema ids, across
 * restarts too. With a real registry configured, /ccompat is off.
 */
@ApplicationScoped
public class SchemaRegistryHost {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryHost.class);

    @ConfigProperty(name = "kafka.schema.registry.url")
    String registryUrl;
    @Inject
    RegistryConfig config;

    /** Before the catalog replays the feed: its records must decode with the journaled ids. */
    void onStart(@Observes @Priority(1) StartupEvent event) throws IOException {
        Optional<InMemorySchemaRegistry> hosted = hosted();
        if (hosted.isPresent()) {
            Path journal = config.schemaJournal();
            hosted.get().persistTo(journal);
            LOG.info("Serving the in-memory schema registry {} at /ccompat (journal {})", registryUrl, journal);
        }
    }

    /** The in-memory registry this service serves, if it uses one. */
    public Optional<InMemorySchemaRegistry> hosted() {
        return registryUrl.startsWith("mock://")
                ? Optional.of(InMemorySchemaRegistry.scope(registryUrl.substring("mock://".length())))
                : Optional.empty();
    }
}
