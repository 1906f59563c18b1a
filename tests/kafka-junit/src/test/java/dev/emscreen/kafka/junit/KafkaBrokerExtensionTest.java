package dev.emscreen.kafka.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.testkit.engine.EngineTestKit;

class KafkaBrokerExtensionTest {

    /** Runs inside the test kit below so the outer test can look at what the extension left behind. */
    static class UsesTheBroker {
        static final AtomicReference<Path> DATA = new AtomicReference<>();
        static final AtomicReference<String> READ_BACK = new AtomicReference<>();

        @RegisterExtension
        static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

        @Test
        void producesAndConsumesThroughARealBroker() throws Exception {
            DATA.set(KAFKA.dataDirectory());
            KAFKA.createTopics(2, "greetings");
            try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()),
                    new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("greetings", "k", "hello broker")).get();
            }
            try (var consumer = new KafkaConsumer<>(Map.<String, Object>of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "t", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                    new StringDeserializer(), new StringDeserializer())) {
                consumer.subscribe(List.of("greetings"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (READ_BACK.get() == null && System.nanoTime() < deadline) {
                    for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                        READ_BACK.set(record.value());
                    }
                }
            }
            assertThat(Files.list(KAFKA.dataDirectory())).isNotEmpty();
        }
    }

    @Test
    void startsARealBrokerAndRemovesItsDataAfterwards() {
        EngineTestKit.engine("junit-jupiter").selectors(selectClass(UsesTheBroker.class)).execute()
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(UsesTheBroker.READ_BACK.get()).isEqualTo("hello broker");
        assertThat(UsesTheBroker.DATA.get()).isNotNull().doesNotExist();
    }
}
