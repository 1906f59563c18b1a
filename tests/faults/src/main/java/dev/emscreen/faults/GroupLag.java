package dev.emscreen.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.core.ConditionTimeoutException;

/**
 * How far the stream's consumer group is behind on the input topic, from the broker's side: records
 * written minus records the group has committed. Cheap enough to ask every second, unlike reading
 * the outputs, and it counts what is done (committed), not what is in flight.
 */
final class GroupLag implements AutoCloseable {

    private static final String GROUP = "emscreen-screening";

    private final Admin admin;

    GroupLag(String bootstrap) {
        admin = Admin.create(Map.of("bootstrap.servers", bootstrap));
    }

    /** Records of screening.samples the stream's group has not committed yet. */
    long lag() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Traffic.SAMPLES)).allTopicNames().get()
                .get(Traffic.SAMPLES).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(Traffic.SAMPLES, p.partition()), p -> OffsetSpec.latest()));
        long lag = 0;
        for (var end : admin.listOffsets(latest).all().get().entrySet()) {
            OffsetAndMetadata c = committed.get(end.getKey());
            lag += end.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
    }

    /** Waits until the group has caught up; returns the seconds it took, or -1 if it did not within {@code limitSeconds}. */
    double awaitZero(double limitSeconds) {
        long start = System.nanoTime();
        try {
            await("the group's lag to reach zero").atMost(Duration.ofMillis((long) (limitSeconds * 1000)))
                    .pollInterval(Duration.ofMillis(500)).until(this::lag, lag -> lag == 0);
        } catch (ConditionTimeoutException behind) {
            return -1;
        }
        return (System.nanoTime() - start) / 1e9;
    }

    @Override
    public void close() {
        admin.close();
    }
}
