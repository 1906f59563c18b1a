package dev.emscreen.stream;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** Reads the route and dead-letter topics as a downstream consumer would: committed records only. */
final class RouteReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final Map<String, List<ConsumerRecord<byte[], byte[]>>> byTopic = new HashMap<>();
    private int total;

    RouteReader(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "route-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(topics);
        topics.forEach(t -> byTopic.put(t, new ArrayList<>()));
    }

    /** Reads until {@code expected} records arrived in all, or the time is up; then a little longer, to catch doubles. */
    Map<String, List<ConsumerRecord<byte[], byte[]>>> readUntil(int expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (total < expected && System.nanoTime() < deadline) {
            poll(Duration.ofMillis(200));
        }
        long settle = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < settle) {
            poll(Duration.ofMillis(200));
        }
        return byTopic;
    }

    private void poll(Duration wait) {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(wait)) {
            byTopic.get(record.topic()).add(record);
            total++;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
