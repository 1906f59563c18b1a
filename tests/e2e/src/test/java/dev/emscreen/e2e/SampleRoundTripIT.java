package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.emscreen.records.TrainingSample;
import dev.emscreen.kafka.junit.KafkaBrokerExtension;
import dev.emscreen.schemas.TopicSnapshot;
import dev.emscreen.schemas.Topics;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SampleRoundTripIT {

    private static final int COUNT = 10_000;
    private static final int PARTITIONS = 6;
    private static final String SCOPE = "round-trip";

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @AfterAll
    static void dropRegistry() {
        InMemorySchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void tenThousandSamplesComeBackEqualAndInOrderPerPartition() throws Exception {
        // Given a topic of several partitions and the project's serde
        String topic = Topics.SAMPLES.name();
        KAFKA.createTopics(PARTITIONS, topic);
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", "mock://" + SCOPE);

        // When 10,000 samples are produced through the serde
        Map<Integer, List<TrainingSample>> sentByPartition = new HashMap<>();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), Topics.SAMPLES.valueSerde(serdeConfig).serializer())) {
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            List<TrainingSample> sent = new ArrayList<>();
            for (int n = 0; n < COUNT; n++) {
                TrainingSample sample = Samples.numbered(n);
                sent.add(sample);
                acks.add(producer.send(new ProducerRecord<>(topic, sample.getId(), sample)));
            }
            for (int i = 0; i < COUNT; i++) {
                sentByPartition.computeIfAbsent(acks.get(i).get().partition(), p -> new ArrayList<>()).add(sent.get(i));
            }
        }

        // Then every one is read back, equal, in the order it was written to its partition. Every send
        // was acknowledged above, so the topic holds them all now: read it to its end offsets, assigned
        // (no group to join, no rebalance to wait for). The bound only stops a stuck read hanging the build.
        Map<Integer, List<TrainingSample>> readByPartition = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            Map<Integer, List<TrainingSample>> read = new HashMap<>();
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                    new StringDeserializer(), Topics.SAMPLES.valueSerde(serdeConfig).deserializer())) {
                TopicSnapshot.read(consumer, topic, record -> {
                    assertThat(record.key()).isEqualTo(record.value().getId());
                    read.computeIfAbsent(record.partition(), p -> new ArrayList<>()).add(record.value());
                });
            }
            return read;
        }, "reading the topic back");
        assertThat(sentByPartition).hasSizeGreaterThan(1);
        assertThat(readByPartition).isEqualTo(sentByPartition);
    }
}
