package dev.emscreen.stream.ops;

import dev.emscreen.schemas.TopicNames;
import dev.emscreen.features.bundle.FeatureSetVersions;
import dev.emscreen.stream.StreamClientSettings;
import dev.emscreen.stream.StreamConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.utils.ExponentialBackoff;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics the stream needs when they are missing and it is allowed to, and says
 * plainly what to do when it is not. Quarkus waits for the input topics before starting the
 * stream (quarkus.kafka-streams.topics), so readiness stays DOWN until they exist.
 */
@ApplicationScoped
public class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    /** What a dead letter may grow by over its original record: the reason headers (the error text is capped). */
    public static final int DEAD_LETTER_HEADROOM = 1 << 20;
    /** How long a just-created topic may stay unknown to the broker that answers a describe. */
    static final Duration DESCRIBE_PATIENCE = Duration.ofSeconds(30);

    @Inject
    StreamConfig config;
    @Inject
    Config all;

    void onStart(@Observes StartupEvent event) {
        producerFitsDeadLetters(config.topics().maxMessageBytes(), all).ifPresent(LOG::error);
        if (!config.topics().create()) {
            return;
        }
        try (Admin admin = Admin.create(StreamClientSettings.admin(all))) {
            provision(admin, config.topicNames(), config.topics().partitions(), config.topics().replicationFactor(),
                    config.topics().maxMessageBytes());
        } catch (RuntimeException e) {
            LOG.error("Could not check or create topics: {}", e.getMessage());
        }
    }

    /** Creates what is missing; returns the problems found (also logged), empty when all is well. */
    public static List<String> provision(Admin admin, TopicNames topics, int partitions, short replication, int maxMessageBytes) {
        List<String> problems = new ArrayList<>();
        Optional<Short> factor = replication < 0 ? Optional.empty() : Optional.of(replication);
        List<NewTopic> wanted = new ArrayList<>();
        for (String topic : topics.all()) {
            NewTopic created = topic.equals(topics.featureSetVersions()) ? FeatureSetVersions.feedTopic(topic, factor)
                    : new NewTopic(topic, Optional.of(partitions), factor);
            if (topic.equals(topics.samples())) {
                created.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG, Integer.toString(maxMessageBytes)));
            } else if (topic.equals(topics.deadLetters())) {
                created.configs(Map.of(TopicConfig.MAX_MESSAGE_BYTES_CONFIG,
                        Integer.toString(maxMessageBytes + DEAD_LETTER_HEADROOM)));
            }
            wanted.add(created);
        }
        var created = admin.createTopics(wanted).values();
        for (var entry : created.entrySet()) {
            try {
                entry.getValue().get(30, TimeUnit.SECONDS);
                LOG.info("Created topic {}", entry.getKey());
            } catch (ExecutionException e) {
                if (!(e.getCause() instanceof TopicExistsException)) {
                    problems.add("cannot create topic " + entry.getKey() + " (" + e.getCause().getMessage()
                            + "): create it yourself, or grant this service CreateTopics");
                }
            } catch (Exception e) {
                problems.add("cannot create topic " + entry.getKey() + ": " + e);
            }
        }
        problems.addAll(checkCoPartitioned(admin, topics));
        problems.forEach(LOG::error);
        return problems;
    }

    /** The review ledger reads the routes and the decisions together by sample id: equal partition counts or wrong joins. */
    private static List<String> checkCoPartitioned(Admin admin, TopicNames topics) {
        try {
            Map<String, Integer> counts = new HashMap<>();
            describeOnceKnown(admin, topics.keyedBySampleId(), DESCRIBE_PATIENCE)
                    .forEach((name, d) -> counts.put(name, d.partitions().size()));
            if (counts.values().stream().distinct().count() > 1) {
                return List.of("topics " + counts + " must have equal partition counts: review decisions are joined with "
                        + "the samples they decide by sample id");
            }
            return List.of();
        } catch (Exception e) {
            return List.of("cannot describe topics " + topics.keyedBySampleId() + ": " + e.getMessage());
        }
    }

    /**
     * In KRaft a created topic is acknowledged by the controller before every broker's metadata has it,
     * so a describe right after a create can answer "unknown topic" for a topic that exists. That answer
     * is retried until {@code patience} is spent; any other failure is reported at once.
     */
    static Map<String, TopicDescription> describeOnceKnown(Admin admin, List<String> names, Duration patience)
            throws Exception {
        long deadline = System.nanoTime() + patience.toNanos();
        ExponentialBackoff backoff = new ExponentialBackoff(50, 2, 1_000, 0.2);
        for (int attempt = 0; ; attempt++) {
            try {
                return admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                long pause = backoff.backoff(attempt);
                if (!(e.getCause() instanceof UnknownTopicOrPartitionException)
                        || System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(pause) > deadline) {
                    throw e;
                }
                LOG.debug("Topics {} not yet known to the broker answering; asking again in {} ms", names, pause);
                Thread.sleep(pause);
            }
        }
    }

    /**
     * A record the input topic accepts must fit the dead-letter topic with its reasons, or it could never
     * be dead-lettered: the stream would stop on it instead. Says what to change when the producer is too small.
     */
    static Optional<String> producerFitsDeadLetters(int maxMessageBytes, Config all) {
        int needed = maxMessageBytes + DEAD_LETTER_HEADROOM;
        int producer = all.getOptionalValue("kafka-streams.producer.max.request.size", Integer.class).orElse(1_048_576);
        return producer >= needed ? Optional.empty()
                : Optional.of("kafka-streams.producer.max.request.size is " + producer + " bytes but emscreen.topics.max-message-bytes ("
                        + maxMessageBytes + ") + " + DEAD_LETTER_HEADROOM + " for dead-letter headers needs " + needed
                        + ": an input record that large could not be dead-lettered");
    }
}
