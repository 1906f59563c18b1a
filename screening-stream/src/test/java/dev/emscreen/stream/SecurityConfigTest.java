package dev.emscreen.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

/**
 * SASL/TLS for the brokers and basic auth/TLS for the schema registry are set as documented in
 * application.properties (kafka-streams.*) and must reach every client the service makes: Kafka
 * Streams, the Avro serdes, the admin client that provisions topics. Registry credentials must not
 * be handed to the broker clients, and broker credentials are not the registry's business.
 */
class SecurityConfigTest {

    private static final Map<String, String> SETTINGS = Map.of(
            "quarkus.kafka-streams.bootstrap-servers", "broker-1:9093",
            "quarkus.kafka-streams.schema-registry-url", "https://registry.internal:8081",
            "kafka-streams.security.protocol", "SASL_SSL",
            "kafka-streams.sasl.mechanism", "SCRAM-SHA-512",
            "kafka-streams.sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"s\" password=\"p\";",
            "kafka-streams.ssl.truststore.location", "/etc/emscreen/kafka-trust.p12",
            "kafka-streams.basic.auth.credentials.source", "USER_INFO",
            "kafka-streams.basic.auth.user.info", "screening:secret",
            "kafka-streams.schema.registry.ssl.truststore.location", "/etc/emscreen/registry-trust.p12");

    @Test
    void brokerSecurityReachesKafkaStreamsAndTheAdminClient() {
        Config config = config();

        Map<String, String> streams = StreamClientSettings.kafkaStreams(config);
        Map<String, Object> admin = StreamClientSettings.admin(config);

        assertThat(streams).containsEntry("security.protocol", "SASL_SSL").containsEntry("sasl.mechanism", "SCRAM-SHA-512")
                .containsKey("sasl.jaas.config").containsEntry("ssl.truststore.location", "/etc/emscreen/kafka-trust.p12");
        assertThat(admin).containsEntry("bootstrap.servers", "broker-1:9093").containsEntry("security.protocol", "SASL_SSL")
                .containsEntry("sasl.mechanism", "SCRAM-SHA-512").containsKey("sasl.jaas.config")
                .containsEntry("ssl.truststore.location", "/etc/emscreen/kafka-trust.p12")
                .doesNotContainKeys("basic.auth.user.info", "schema.registry.ssl.truststore.location");
    }

    @Test
    void registryAuthAndTlsReachTheSerdes() {
        Map<String, Object> serde = StreamClientSettings.serdes(config());

        assertThat(serde).containsEntry("schema.registry.url", "https://registry.internal:8081")
                .containsEntry("basic.auth.credentials.source", "USER_INFO")
                .containsEntry("basic.auth.user.info", "screening:secret")
                .containsEntry("schema.registry.ssl.truststore.location", "/etc/emscreen/registry-trust.p12");
    }

    private static Config config() {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(SETTINGS, "test", 500)).build();
    }
}
