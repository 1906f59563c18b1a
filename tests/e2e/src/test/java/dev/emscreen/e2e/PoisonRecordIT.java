package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
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

        // When a consumer reads them with the project's deserializer
        List<String> ids = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "poison", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1),
                new StringDeserializer(), topic.valueSerde(serdeConfig).deserializer())) {
            consumer.subscribe(List.of(topic.name()));
            RecordDeserializationException failure = null;
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (ids.size() < 2 && System.nanoTime() < deadline) {
                try {
                    for (ConsumerRecord<String, TrainingSample> record : consumer.poll(Duration.ofMillis(200))) {
                        ids.add(record.value().getId());
                    }
                } catch (RecordDeserializationException e) {
                    failure = e;
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }

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
