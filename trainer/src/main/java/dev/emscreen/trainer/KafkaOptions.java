package dev.emscreen.trainer;

import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Where the commands that talk to Kafka find the broker and the schema registry. */
public final class KafkaOptions {

    @Option(names = "--bootstrap", defaultValue = "127.0.0.1:9092", description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--registry", defaultValue = "http://localhost:8081/ccompat",
            description = "Schema registry URL shared with the stream (default: the registry service's, ${DEFAULT-VALUE}).")
    String registry;

    @Option(names = "--registry-auth", description = "USER:SECRET for the registry (basic auth; the registry service's token as SECRET).")
    String registryAuth;

    static KafkaOptions of(String bootstrap, String registry, String registryAuth) {
        KafkaOptions options = new KafkaOptions();
        options.bootstrap = bootstrap;
        options.registry = registry;
        options.registryAuth = registryAuth;
        return options;
    }

    /**
     * As {@link #config()}, for a consumer that reads committed records only, in a group of its own
     * ({@code purpose} names it) that commits nothing: for reading what topics hold, not for consuming them.
     */
    Map<String, Object> readCommittedConfig(String purpose) {
        Map<String, Object> config = config();
        config.put("group.id", "emscreen-" + purpose + "-" + java.util.UUID.randomUUID());
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        return config;
    }

    /** As {@link #config()}, for a producer that writes each record once even when it retries (acks=all comes with it). */
    Map<String, Object> producerConfig() {
        Map<String, Object> config = config();
        config.put("enable.idempotence", true);
        config.put("acks", "all");
        // As large as the stream makes its input topic (emscreen.topics.max-message-bytes): a 1 MB text is the
        // stream's to dead-letter with a reason, not the importer's to fail on with Kafka's 1 MB default.
        config.put("max.request.size", 4 << 20);
        return config;
    }

    /** Client and serde settings together, as Kafka clients and Confluent serdes read them. */
    Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("schema.registry.url", registry);
        if (registryAuth != null) {
            config.put("basic.auth.credentials.source", "USER_INFO");
            config.put("basic.auth.user.info", registryAuth);
        }
        return config;
    }
}
