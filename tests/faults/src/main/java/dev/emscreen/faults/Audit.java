package dev.emscreen.faults;

import dev.emscreen.schemas.DeadLetterHeaders;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.schemas.TopicSnapshot;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the outputs hold, committed records only: per sample id, how many times it came out and where,
 * its verdict (routes) or its dead-letter reason. Lost = sent and never out; doubled = out more than once.
 */
final class Audit {

    static final List<String> OUTPUTS = List.of("screening.accepted", "screening.review", "screening.quarantined", "screening.dlq");

    final Map<String, Integer> copies = new HashMap<>();
    final Map<String, String> route = new HashMap<>();
    final Map<String, ScreenedSample> verdicts = new HashMap<>();
    final Map<String, String> dlqReason = new HashMap<>();

    static Audit read(Map<String, Object> clientConfig) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put("group.id", "fault-audit-" + UUID.randomUUID());
        config.put("isolation.level", "read_committed");
        config.put("enable.auto.commit", false);
        SpecificAvroSerde<ScreenedSample> serde = new SpecificAvroSerde<>(ScreenedSample.class);
        serde.configure(config, false);
        Audit audit = new Audit();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            for (String topic : OUTPUTS) {
                TopicSnapshot.read(consumer, topic, r -> {
                    audit.copies.merge(r.key(), 1, Integer::sum);
                    audit.route.put(r.key(), topic.substring("screening.".length()));
                    if (topic.endsWith("dlq")) {
                        Header reason = r.headers().lastHeader(DeadLetterHeaders.REASON);
                        audit.dlqReason.put(r.key(), reason == null ? "(none)" : new String(reason.value(), StandardCharsets.UTF_8));
                    } else {
                        audit.verdicts.put(r.key(), serde.deserializer().deserialize(topic, r.headers(), r.value()));
                    }
                });
            }
        }
        return audit;
    }

    /** Reads until every one of {@code expected} ids is out, or nothing new came for {@code stall}. */
    static Audit await(Map<String, Object> clientConfig, Set<String> expected, Duration stall) {
        Audit audit = read(clientConfig);
        while (audit.seen(expected) < expected.size()) {
            int seen = audit.seen(expected);
            try {
                // Each wait is for progress, not for the whole: a slow but moving stream is given its time.
                audit = org.awaitility.Awaitility.await("more than " + seen + " of " + expected.size() + " verdicts")
                        .atMost(stall).pollInterval(Duration.ofSeconds(5))
                        .until(() -> read(clientConfig), latest -> latest.seen(expected) > seen);
            } catch (ConditionTimeoutException stalled) {
                return read(clientConfig);
            }
        }
        return audit;
    }

    int seen(Set<String> ids) {
        return (int) ids.stream().filter(copies::containsKey).count();
    }

    long lost(Set<String> ids) {
        return ids.size() - seen(ids);
    }

    long doubled() {
        return copies.values().stream().mapToLong(c -> c - 1).sum();
    }

    Map<String, Integer> perRoute(Set<String> ids) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List.of("accepted", "review", "quarantined", "dlq").forEach(r -> counts.put(r, 0));
        ids.stream().map(route::get).filter(java.util.Objects::nonNull).forEach(r -> counts.merge(r, 1, Integer::sum));
        return counts;
    }

    /** The report line the issue asks for. */
    String line(String scenario, Set<String> ids, double recoverSeconds) {
        Map<String, Integer> c = perRoute(ids);
        return String.format("FAULT %s in=%d accepted=%d review=%d quarantined=%d dlq=%d lost=%d doubled=%d recover_s=%.1f",
                scenario, ids.size(), c.get("accepted"), c.get("review"), c.get("quarantined"), c.get("dlq"), lost(ids), doubled(),
                recoverSeconds);
    }
}
