package dev.emscreen.stream.topology;

import dev.emscreen.records.Decision;
import dev.emscreen.schemas.TopicNames;
import dev.emscreen.stream.featureset.ActiveFeatureSet;
import dev.emscreen.stream.featureset.FeatureSetFeed;
import dev.emscreen.stream.featureset.FeatureSetLoader;
import dev.emscreen.stream.ops.ScreeningMetrics;
import dev.emscreen.stream.review.ReviewDecisionJoiner;
import dev.emscreen.stream.review.VerdictRecorder;
import java.time.Duration;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.state.Stores;

/**
 * samples → screen (batch buffer) → accepted | review | quarantined | dlq;
 * the three routes → verdict store and pending reviews; review decisions → join → accepted | quarantined | dlq;
 * feature-registry.versions → global store → hot reload.
 * Inputs are read as bytes so that a record that cannot be decoded still reaches the dead-letter
 * topic exactly as it came.
 *
 * <p>The topology owns what it starts besides Kafka Streams' own threads: the feed's retry timer.
 * Whoever builds it closes it, after the {@code KafkaStreams} (or test driver) that runs it, so that
 * no retry outlives the stream it serves. Build one per {@code KafkaStreams} instance: the feed's
 * retry holds one pending entry.
 */
public final class ScreeningTopology extends Topology implements AutoCloseable {

    static final String SINK_ACCEPTED = "accepted-sink";
    static final String SINK_REVIEW = "review-sink";
    static final String SINK_QUARANTINED = "quarantined-sink";
    static final String SINK_DLQ = "dlq-sink";
    /** Where the review joiner re-publishes a decision keyed otherwise than by its sample id. */
    public static final String SINK_DECISIONS_REKEYED = "decisions-rekeyed-sink";
    private static final String SCREEN = "screen";
    private static final String RECORD_VERDICTS = "record-verdicts";
    private static final String JOIN_DECISIONS = "join-review-decisions";
    /** Feed entries the registry could not serve (it was down) are tried again this often. */
    private static final Duration FEED_RETRY_EVERY = Duration.ofSeconds(10);

    private final FeatureSetFeed.Supplier feed;

    private ScreeningTopology(FeatureSetFeed.Supplier feed) {
        this.feed = feed;
    }

    /** The sink a verdict with this decision is forwarded to. */
    public static String sinkFor(Decision decision) {
        return switch (decision) {
            case ACCEPTED -> SINK_ACCEPTED;
            case REVIEW -> SINK_REVIEW;
            case QUARANTINED -> SINK_QUARANTINED;
        };
    }

    /** The whole topology; close it once the stream that runs it has stopped. */
    public static ScreeningTopology build(StreamSettings settings, ActiveFeatureSet active, FeatureSetLoader loader,
                                          ScreeningMetrics metrics) {
        TopicNames topics = settings.topics();
        ScreeningSerdes serdes = new ScreeningSerdes(settings.serdeConfig());
        FeatureSetFeed.Supplier feed = new FeatureSetFeed.Supplier(loader, active,
                bytes -> serdes.versions().deserializer().deserialize(topics.featureSetVersions(), bytes), FEED_RETRY_EVERY);
        ScreeningTopology topology = new ScreeningTopology(feed);

        topology.addSource("samples-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(), topics.samples());
        topology.addProcessor(SCREEN, () -> new ScreeningProcessor(settings, serdes.samples().deserializer(), active, metrics),
                "samples-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.BATCH_BUFFER),
                Serdes.Long(), PendingSample.serde()), SCREEN);

        topology.addSource("routes-source", new StringDeserializer(), serdes.screened().deserializer(),
                topics.accepted(), topics.review(), topics.quarantined());
        topology.addProcessor(RECORD_VERDICTS, VerdictRecorder::new, "routes-source");
        topology.addSource("decisions-source", new ByteArrayDeserializer(), new ByteArrayDeserializer(),
                topics.reviewDecisions());
        topology.addProcessor(JOIN_DECISIONS, () -> new ReviewDecisionJoiner(serdes.decisions().deserializer(), metrics),
                "decisions-source");
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.VERDICTS),
                Serdes.String(), serdes.verdicts()), RECORD_VERDICTS, JOIN_DECISIONS);
        topology.addStateStore(Stores.keyValueStoreBuilder(Stores.persistentKeyValueStore(StoreNames.PENDING_REVIEWS),
                Serdes.String(), serdes.screened()), RECORD_VERDICTS, JOIN_DECISIONS);

        var screened = serdes.screened().serializer();
        topology.addSink(SINK_ACCEPTED, topics.accepted(), new StringSerializer(), screened, SCREEN, JOIN_DECISIONS);
        topology.addSink(SINK_REVIEW, topics.review(), new StringSerializer(), screened, SCREEN);
        topology.addSink(SINK_QUARANTINED, topics.quarantined(), new StringSerializer(), screened, SCREEN, JOIN_DECISIONS);
        topology.addSink(SINK_DLQ, topics.deadLetters(), new ByteArraySerializer(), new ByteArraySerializer(),
                SCREEN, JOIN_DECISIONS);
        topology.addSink(SINK_DECISIONS_REKEYED, topics.reviewDecisions(), new ByteArraySerializer(),
                new ByteArraySerializer(), JOIN_DECISIONS);

        topology.addGlobalStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(StoreNames.FEATURE_SET_VERSIONS),
                        Serdes.String(), serdes.versions()).withLoggingDisabled(),
                "feature-set-versions-source", new StringDeserializer(), new ByteArrayDeserializer(),
                topics.featureSetVersions(), "follow-feature-sets", feed);
        return topology;
    }

    /** Stops the feed's retry (and with it any retry still pending). */
    @Override
    public void close() {
        feed.close();
    }
}
