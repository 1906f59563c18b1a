package dev.emscreen.schemas;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

/**
 * What a topic holds now: every record from the start of each partition up to the end offsets
 * seen when reading begins, then stop. For rebuilding state from a feed or exporting a route;
 * with isolation.level=read_committed the end offsets are the last stable ones.
 */
public final class TopicSnapshot {

    private TopicSnapshot() {
    }

    /** Reads {@code topic} with {@code consumer} (which it assigns) and hands every record to {@code each}. */
    public static <K, V> void read(org.apache.kafka.clients.consumer.Consumer<K, V> consumer, String topic,
                                   Consumer<ConsumerRecord<K, V>> each) {
        read(consumer, topic, null, each);
    }

    /**
     * As {@link #read}, from the first record whose timestamp is at or after {@code since} in each
     * partition (the broker's time index finds it; nothing is read and dropped). Null: from the start.
     */
    public static <K, V> void read(org.apache.kafka.clients.consumer.Consumer<K, V> consumer, String topic, Instant since,
                                   Consumer<ConsumerRecord<K, V>> each) {
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        if (since == null) {
            consumer.seekToBeginning(partitions);
        } else {
            Map<TopicPartition, Long> at = new HashMap<>();
            partitions.forEach(p -> at.put(p, since.toEpochMilli()));
            consumer.offsetsForTimes(at).forEach((p, found) -> consumer.seek(p, found == null ? end.get(p) : found.offset()));
        }
        while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
            consumer.poll(Duration.ofMillis(200)).forEach(each);
        }
    }
}
