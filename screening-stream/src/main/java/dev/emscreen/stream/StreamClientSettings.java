package dev.emscreen.stream;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.eclipse.microprofile.config.Config;

/**
 * What each client the service makes reads from configuration: Kafka Streams, the Avro serdes and the
 * admin client that provisions topics. In one place so that SASL/TLS set once (kafka-streams.*)
 * reaches all of them, and each gets only the credentials that are its business.
 */
public final class StreamClientSettings {

    private StreamClientSettings() {
    }

    /** The {@code kafka-streams.*} pass-through properties, prefix removed, as Quarkus hands them to Kafka Streams. */
    static Map<String, String> kafkaStreams(Config all) {
        Map<String, String> properties = new HashMap<>();
        for (String name : all.getPropertyNames()) {
            if (name.startsWith("kafka-streams.")) {
                all.getOptionalValue(name, String.class)
                        .ifPresent(v -> properties.put(name.substring("kafka-streams.".length()), v));
            }
        }
        return properties;
    }

    /** The serdes read registry settings as Kafka clients do: everything under kafka-streams.*, plus the URL. */
    public static Map<String, Object> serdes(Config all) {
        Map<String, Object> serde = new HashMap<>(kafkaStreams(all));
        all.getOptionalValue("quarkus.kafka-streams.schema-registry-url", String.class)
                .ifPresent(url -> serde.put("schema.registry.url", url));
        return serde;
    }

    /** The review console's producer: the brokers and their security settings, as the admin client gets them. */
    public static Map<String, Object> producer(Config all) {
        Map<String, Object> producer = admin(all);
        producer.remove(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG);
        return producer;
    }

    /** The topic admin: the brokers and their security settings, not the registry's credentials. */
    public static Map<String, Object> admin(Config all) {
        Map<String, Object> admin = new HashMap<>();
        kafkaStreams(all).forEach((key, value) -> {
            if (key.startsWith("security.") || key.startsWith("sasl.") || key.startsWith("ssl.")) {
                admin.put(key, value);
            }
        });
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                all.getValue("quarkus.kafka-streams.bootstrap-servers", String.class));
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return admin;
    }
}
