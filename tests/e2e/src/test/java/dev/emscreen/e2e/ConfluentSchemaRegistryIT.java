package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.TopicSnapshot;
import dev.emscreen.schemas.Topics;
import dev.emscreen.schemas.registry.CompatibilityLevel;
import dev.emscreen.schemas.registry.SchemaRegistryClient;
import dev.emscreen.schemas.registry.SchemaRegistryClients;
import dev.emscreen.schemas.registry.SchemaRegistryException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.ConfluentKafkaContainer;

/**
 * The serde and client against Confluent's real schema registry and a Kafka container. No schema
 * registry can run without Docker, so this is skipped where no Docker engine exists and must pass
 * wherever one does.
 */
@Testcontainers(disabledWithoutDocker = true)
class ConfluentSchemaRegistryIT {

    private static final String CONFLUENT_VERSION = "7.9.0";
    private static final Network NETWORK = Network.newNetwork();

    @Container
    static final ConfluentKafkaContainer KAFKA = new ConfluentKafkaContainer("confluentinc/cp-kafka:" + CONFLUENT_VERSION)
            .withNetwork(NETWORK)
            .withListener("kafka:19092");

    @Container
    static final GenericContainer<?> REGISTRY = new GenericContainer<>("confluentinc/cp-schema-registry:" + CONFLUENT_VERSION)
            .withNetwork(NETWORK)
            .withExposedPorts(8081)
            .withEnv("SCHEMA_REGISTRY_HOST_NAME", "schema-registry")
            .withEnv("SCHEMA_REGISTRY_LISTENERS", "http://0.0.0.0:8081")
            .withEnv("SCHEMA_REGISTRY_KAFKASTORE_BOOTSTRAP_SERVERS", "PLAINTEXT://kafka:19092")
            .dependsOn(KAFKA)
            .waitingFor(Wait.forHttp("/subjects").forStatusCode(200).withStartupTimeout(Duration.ofMinutes(3)));

    private static Map<String, Object> registryConfig() {
        return Map.of("schema.registry.url", "http://" + REGISTRY.getHost() + ":" + REGISTRY.getMappedPort(8081));
    }

    @Test
    void samplesRoundTripThroughKafkaWithTheRealRegistry() throws Exception {
        String topic = "real-registry.samples";
        List<TrainingSample> sent = List.of(Samples.numbered(1), Samples.numbered(2), Samples.numbered(3));
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()),
                new StringSerializer(), Topics.SAMPLES.valueSerde(registryConfig()).serializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            sent.forEach(sample -> acks.add(producer.send(new ProducerRecord<>(topic, sample.getId(), sample))));
            // Wait for every acknowledgement: a failed send fails here, with its cause.
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        }

        // All written, so read what the topic holds now, assigned to its partitions: no group to join,
        // no rebalance to wait for. The bound only stops a stuck read hanging the build.
        List<TrainingSample> read = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            List<TrainingSample> values = new ArrayList<>();
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers()),
                    new StringDeserializer(), Topics.SAMPLES.valueSerde(registryConfig()).deserializer())) {
                TopicSnapshot.read(consumer, topic, record -> values.add(record.value()));
            }
            return values;
        }, "reading the topic back");
        assertThat(read).containsExactlyElementsOf(sent);

        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(registryConfig());
        assertThat(client.latest(topic + "-value").schema()).isEqualTo(TrainingSample.getClassSchema());
    }

    @Test
    void clientMatchesTheServerOnIdsVersionsAndCompatibility() {
        SchemaRegistryClient client = SchemaRegistryClients.fromConfig(registryConfig());
        Schema v1 = SchemaBuilder.record("Thing").fields().requiredString("id").endRecord();
        Schema v2 = SchemaBuilder.record("Thing").fields().requiredString("id")
                .name("size").type().intType().intDefault(0).endRecord();
        Schema breaking = SchemaBuilder.record("Thing").fields().requiredString("id").requiredInt("weight").endRecord();

        int id1 = client.register("things-value", v1);
        assertThat(client.register("things-value", v1)).isEqualTo(id1);
        int id2 = client.register("things-value", v2);
        assertThat(client.latest("things-value").version()).isEqualTo(2);
        assertThat(client.lookup("things-value", v1).id()).isEqualTo(id1);
        assertThat(client.getById(id2)).isEqualTo(v2);
        assertThat(client.compatibility("things-value")).isEqualTo(CompatibilityLevel.BACKWARD);
        assertThat(client.isCompatible("things-value", breaking)).isFalse();
        assertThatThrownBy(() -> client.register("things-value", breaking))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409));
        assertThatThrownBy(() -> client.getById(9999))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
    }

    @Test
    void unknownSchemaIdFromTheRealRegistryIsAClearSerializationError() {
        byte[] bytes = Topics.SAMPLES.valueSerde(registryConfig()).serializer().serialize("real-registry.ids", Samples.numbered(1));
        ByteBuffer.wrap(bytes).putInt(1, 987654);

        assertThatThrownBy(() -> Topics.SAMPLES.valueSerde(registryConfig()).deserializer().deserialize("real-registry.ids", bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining("schema id 987654 is unknown to the schema registry");
    }
}
