package dev.emscreen.stream.topology;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Reads the route and dead-letter topics as a downstream consumer would: committed records only. It
 * assigns itself every partition (as {@code TopicSnapshot} does) rather than joining a consumer group,
 * so there is no rebalance to wait for, and each read goes on from where the last one stopped.
 */
public final class RouteReader implements AutoCloseable {

    private final KafkaConsumer<byte[], byte[]> consumer;
    private final List<TopicPartition> partitions = new ArrayList<>();
    private final Map<String, List<ConsumerRecord<byte[], byte[]>>> byTopic = new HashMap<>();
    private int total;

    public RouteReader(String bootstrap, List<String> topics) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
        for (String topic : topics) {
            byTopic.put(topic, new ArrayList<>());
            consumer.partitionsFor(topic, Duration.ofSeconds(30))
                    .forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    /** Reads until {@code expected} records have arrived in all; returns what has arrived, by topic. */
    public Map<String, List<ConsumerRecord<byte[], byte[]>>> readAtLeast(int expected, Duration timeout) {
        // In the test's thread: a consumer must not be used from two threads at once.
        await().pollInSameThread().pollInterval(Duration.ZERO).atMost(timeout).until(() -> {
            poll();
            return total >= expected;
        });
        return byTopic;
    }

    /** Reads on to the end of every partition as it is now (its last committed record); returns all read, by topic. */
    public Map<String, List<ConsumerRecord<byte[], byte[]>>> readToEnd(Duration timeout) {
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        await().pollInSameThread().pollInterval(Duration.ZERO).atMost(timeout).until(() -> {
            if (partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                return true;
            }
            poll();
            return false;
        });
        return byTopic;
    }

    private void poll() {
        for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            byTopic.get(record.topic()).add(record);
            total++;
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
