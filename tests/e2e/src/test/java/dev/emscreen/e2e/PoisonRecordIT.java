package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emscreen.records.TrainingSample;
import dev.emscreen.kafka.junit.KafkaBrokerExtension;
import dev.emscreen.schemas.Topic;
import dev.emscreen.schemas.Topics;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RecordDeserializationException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Bad bytes on a real topic: the error names topic, partition, offset and cause; the good records still arrive. */
class PoisonRecordIT {

    private static final String SCOPE = "poison";

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @AfterAll
    static void dropRegistry() {
        InMemorySchemaRegistry.dropScope(SCOPE);
    }

    @Test
    void poisonRecordIsReportedWithItsPositionAndTheGoodOnesAfterItStillArrive() {
        // Given a good sample, a JSON record that is not in the wire format, and another good sample
        Topic<TrainingSample> topic = Topics.SAMPLES.renamed("poison.samples");
        KAFKA.createTopics(1, topic.name());
        Map<String, Object> serdeConfig = Map.of("schema.registry.url", "mock://" + SCOPE);
        var serializer = topic.valueSerde(serdeConfig).serializer();
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                new ByteArraySerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic.name(), serializer.serialize(topic.name(), Samples.numbered(1))));
            producer.send(new ProducerRecord<>(topic.name(), "{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
            producer.send(new ProducerRecord<>(topic.name(), serializer.serialize(topic.name(), Samples.numbered(2))));
        }

        // When a consumer reads them with the project's deserializer, one record per poll, stepping past
        // a record it cannot read as an application would
        List<String> ids = new ArrayList<>();
        AtomicReference<RecordDeserializationException> failed = new AtomicReference<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1),
                new StringDeserializer(), topic.valueSerde(serdeConfig).deserializer())) {
            // Assigned, not subscribed: no group to join and no rebalance to wait for; the records are
            // already written (closing the producer waited for them), so read from the beginning.
            List<TopicPartition> partitions = consumer.partitionsFor(topic.name(), Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            // In this thread: a consumer must not be used from two; its poll is the wait between checks.
            await().atMost(Duration.ofSeconds(30)).pollInSameThread().pollInterval(Duration.ZERO).untilAsserted(() -> {
                try {
                    for (ConsumerRecord<String, TrainingSample> record : consumer.poll(Duration.ofMillis(200))) {
                        ids.add(record.value().getId());
                    }
                } catch (RecordDeserializationException e) {
                    failed.set(e);
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
                assertThat(ids).as("ids read so far").hasSizeGreaterThanOrEqualTo(2);
            });
            RecordDeserializationException failure = failed.get();

            // Then the poison record is reported at partition 0, offset 1, with the serde's reason
            assertThat(failure).isNotNull();
            assertThat(failure.topicPartition().partition()).isZero();
            assertThat(failure.offset()).isEqualTo(1);
            assertThat(failure.getMessage()).contains("poison.samples-0", "offset 1");
            assertThat(failure.getCause()).isInstanceOf(SerializationException.class)
                    .hasMessageContaining("topic 'poison.samples'").hasMessageContaining("unknown magic byte 0x7b");
        }
        // And both good samples were read
        assertThat(ids).containsExactly("sample-1", "sample-2");
    }
}
