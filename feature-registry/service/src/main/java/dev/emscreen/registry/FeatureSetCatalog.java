package dev.emscreen.registry;

import dev.emscreen.features.bundle.FeatureSetVersions;
import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.schemas.TopicSnapshot;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every feature-set version and its status, kept on the change feed. The compacted feed is the only
 * state: on start the catalog replays it; every change the {@link FeatureSetLifecycle} rules decide
 * is written there first (one transaction per change, so a promotion's new ACTIVE and old RETIRED
 * land together) and applied to the lifecycle only once committed.
 */
@ApplicationScoped
public class FeatureSetCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureSetCatalog.class);

    @Inject
    RegistryConfig config;
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    private final FeatureSetLifecycle lifecycle = new FeatureSetLifecycle();
    private SpecificAvroSerde<FeatureSetVersion> serde;
    private KafkaProducer<String, FeatureSetVersion> producer;

    void onStart(@Observes StartupEvent event) throws Exception {
        load();
        Map<String, Object> producerConfig = clientConfig();
        producerConfig.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, "emscreen-registry-" + config.topic());
        producer = new KafkaProducer<>(producerConfig, new StringSerializer(), serde.serializer());
        producer.initTransactions();
        LOG.info("Feature registry ready: {} versions on {}, active {}", lifecycle.size(), config.topic(),
                active().map(FeatureSetVersion::getVersion).orElse("none"));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(10));
        }
    }

    public synchronized List<FeatureSetVersion> all() {
        return lifecycle.all();
    }

    public synchronized Optional<FeatureSetVersion> get(String version) {
        return lifecycle.get(version);
    }

    public synchronized Optional<FeatureSetVersion> active() {
        return lifecycle.active();
    }

    /** Registers a verified upload as a candidate; an already known version is left as it is. */
    public synchronized FeatureSetVersion register(FeatureSetVersion candidate) {
        publish(lifecycle.register(candidate));
        return lifecycle.get(candidate.getVersion()).orElseThrow();
    }

    /** Makes {@code version} the one the streams serve; the one serving before is retired in the same transaction. */
    public synchronized FeatureSetVersion promote(String version) {
        publish(lifecycle.promote(version));
        return lifecycle.get(version).orElseThrow();
    }

    /** Promotes the version retired most recently: the one the current active set replaced. */
    public synchronized FeatureSetVersion rollback() {
        return promote(lifecycle.rollbackTarget());
    }

    /** Writes {@code changes} to the feed in one transaction, then applies them; none: nothing to write. */
    private void publish(List<FeatureSetVersion> changes) {
        if (changes.isEmpty()) {
            return;
        }
        long now = System.currentTimeMillis();
        try {
            producer.beginTransaction();
            for (FeatureSetVersion change : changes) {
                producer.send(new ProducerRecord<>(config.topic(), null, now, change.getVersion(), change));
            }
            producer.commitTransaction();
        } catch (RuntimeException e) {
            try {
                producer.abortTransaction();
            } catch (RuntimeException ignored) {
                // fenced or closed: the error below says what went wrong
            }
            throw new IllegalStateException("could not write to " + config.topic() + ": " + e.getMessage(), e);
        }
        changes.forEach(c -> lifecycle.apply(c, now));
        changes.forEach(c -> LOG.info("Feature set {} is now {}", c.getVersion(), c.getStatus()));
    }

    /** Rebuilds the catalog from the change feed: all the state there is. */
    void load() throws InterruptedException {
        serde = new SpecificAvroSerde<>(FeatureSetVersion.class);
        serde.configure(clientConfig(), false);
        ensureTopic();
        replay();
    }

    private void replay() {
        Map<String, Object> consumerConfig = clientConfig();
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, "emscreen-registry-replay-" + UUID.randomUUID());
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(consumerConfig, new StringDeserializer(), new ByteArrayDeserializer())) {
            TopicSnapshot.read(consumer, config.topic(), this::apply);
        }
    }

    private void apply(ConsumerRecord<String, byte[]> record) {
        if (record.value() == null) {
            lifecycle.remove(record.key());
            return;
        }
        try {
            FeatureSetVersion version = serde.deserializer().deserialize(record.topic(), record.value());
            lifecycle.apply(version, record.timestamp());
        } catch (SerializationException e) {
            // One unreadable entry must not take the whole registry down; it is named so it can be repaired.
            LOG.error("Skipped feed entry {} at offset {}: {}", record.key(), record.offset(), e.getMessage());
        }
    }

    private void ensureTopic() throws InterruptedException {
        try (Admin admin = Admin.create(clientConfig())) {
            admin.createTopics(List.of(FeatureSetVersions.feedTopic(config.topic(), Optional.empty()))).all().get();
            LOG.info("Created the change feed {}", config.topic());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                LOG.error("Cannot create the change feed {} ({}): create it (1 partition, cleanup.policy=compact) or "
                        + "grant this service CreateTopics", config.topic(), e.getCause().getMessage());
            }
        }
    }

    private Map<String, Object> clientConfig() {
        return new HashMap<>(kafka);
    }
}
