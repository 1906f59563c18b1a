package dev.emscreen.schemas;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * How a tool reaches the broker and the schema registry: one place for the client settings the
 * stream's tools and the trainer's traffic reader share.
 *
 * @param registryAuth USER:SECRET for the registry's basic auth, or null
 */
public record ClientSettings(String bootstrap, String registry, String registryAuth) {

    /** Client and serde settings together, as Kafka clients and Confluent serdes read them. */
    public Map<String, Object> config() {
        Map<String, Object> config = new HashMap<>();
        config.put("bootstrap.servers", bootstrap);
        config.put("schema.registry.url", registry);
        if (registryAuth != null && !registryAuth.isBlank()) {
            config.put("basic.auth.credentials.source", "USER_INFO");
            config.put("basic.auth.user.info", registryAuth);
        }
        return config;
    }

    /**
     * For a consumer that reads committed records only, in a group of its own ({@code purpose} names
     * it) that commits nothing: for reading what topics hold, not for consuming them.
     */
    public Map<String, Object> readCommittedConfig(String purpose) {
        Map<String, Object> config = config();
        config.put("group.id", "emscreen-" + purpose + "-" + UUID.randomUUID());
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        return config;
    }

    /** For a producer that writes each record once even when it retries (acks=all comes with it). */
    public Map<String, Object> producerConfig() {
        Map<String, Object> config = config();
        config.put("enable.idempotence", true);
        config.put("acks", "all");
        // As large as the stream makes its input topic (emscreen.topics.max-message-bytes): a 1 MB text is the
        // stream's to dead-letter with a reason, not the importer's to fail on with Kafka's 1 MB default.
        config.put("max.request.size", 4 << 20);
        return config;
    }
}
