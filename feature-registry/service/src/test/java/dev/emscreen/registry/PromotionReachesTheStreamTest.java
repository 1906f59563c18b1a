package dev.emscreen.registry;

import dev.emscreen.schemas.TopicNames;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.Decision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import dev.emscreen.stream.featureset.ActiveFeatureSet;
import dev.emscreen.stream.featureset.FeatureSetLoader;
import dev.emscreen.stream.ops.ScreeningMetrics;
import dev.emscreen.stream.topology.ScreeningTopology;
import dev.emscreen.stream.topology.StreamSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole chain: a bundle uploaded and promoted through the service is announced on the change
 * feed, fetched over HTTP by a running stream, verified and swapped in; the next verdicts carry it.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaForRegistry.class, restrictToAnnotatedClass = true)
class PromotionReachesTheStreamTest {

    private static final String AUTH = "Bearer " + KafkaForRegistry.TOKEN;
    private static final Map<String, String> SERDES = Map.of("schema.registry.url", "mock://registry-test");

    @TempDir
    Path tmp;

    @Test
    void aPromotedSetServesTheNextSamples() throws Exception {
        // Given two sets: one accepts everything, the other sends everything to review
        String acceptAll = upload(MiniLmBundles.zip(tmp, "accept-all", 10, 11));
        String reviewAll = upload(MiniLmBundles.zip(tmp, "review-all", -10, 10));
        TopicNames topics = new TopicNames("p.samples", "p.accepted", "p.review", "p.quarantined", "p.decisions",
                "feature-registry.versions", "p.dlq");
        createTopics(topics);
        promote(acceptAll);

        ActiveFeatureSet active = new ActiveFeatureSet();
        StreamSettings settings = new StreamSettings(topics, 4, Duration.ofMillis(50), 3, Truncation.TRUNCATE, 20_000, SERDES);
        FeatureSetLoader loader = new FeatureSetLoader(active, tmp.resolve("cache"), Truncation.TRUNCATE, 3);
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "promotion-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaForRegistry.broker.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("state").toString());
        // The topology is closed after the stream (declared first): it owns the feed's retry thread.
        try (ScreeningTopology topology = ScreeningTopology.build(settings, active, loader, new ScreeningMetrics(new SimpleMeterRegistry()));
             KafkaStreams streams = new KafkaStreams(topology, props)) {
            streams.start();
            // When the stream has read the feed, a sample is accepted by the first set
            await(() -> active.version().filter(acceptAll::equals));
            send(topics, "first");
            ScreenedSample first = await(() -> read(topics.accepted(), "first"));
            assertThat(first.getVerdict().getFeatureSetVersion()).isEqualTo(acceptAll);

            // Then, once the second set is promoted through the service, the next sample goes to review under it
            promote(reviewAll);
            await(() -> active.version().filter(reviewAll::equals));
            send(topics, "second");
            ScreenedSample second = await(() -> read(topics.review(), "second"));
            assertThat(second.getVerdict().getFeatureSetVersion()).isEqualTo(reviewAll);
            assertThat(second.getVerdict().getDecision()).isEqualTo(Decision.REVIEW);
        } finally {
            active.close();
        }
    }

    private static String upload(Path zip) throws Exception {
        return given().header("Authorization", AUTH).contentType("application/zip").body(Files.readAllBytes(zip))
                .when().post("/versions").then().statusCode(201).extract().jsonPath().getString("version");
    }

    private static void promote(String version) {
        given().header("Authorization", AUTH).when().post("/versions/" + version + "/promote").then().statusCode(200);
    }

    private static void createTopics(TopicNames topics) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                KafkaForRegistry.broker.bootstrapServers()))) {
            List<NewTopic> wanted = topics.all().stream().filter(t -> !t.equals(topics.featureSetVersions()))
                    .map(t -> new NewTopic(t, 1, (short) 1)).toList();
            admin.createTopics(wanted).all().get();
        }
    }

    private static void send(TopicNames topics, String id) throws Exception {
        SpecificAvroSerde<TrainingSample> serde = new SpecificAvroSerde<>(TrainingSample.class);
        serde.configure(SERDES, false);
        TrainingSample sample = TrainingSample.newBuilder().setId(id).setSource("test").setDomain("health")
                .setMessages(List.of(new ChatMessage("user", "Can I stop my antibiotics early?"),
                        new ChatMessage("assistant", "Finish the course unless your doctor says otherwise.")))
                .setMetadata(Map.of()).setIngestedAt(Instant.now()).build();
        try (KafkaProducer<String, TrainingSample> producer = new KafkaProducer<>(Map.of("bootstrap.servers",
                KafkaForRegistry.broker.bootstrapServers()), new StringSerializer(), serde.serializer())) {
            producer.send(new ProducerRecord<>(topics.samples(), id, sample)).get();
        }
    }

    private static Optional<ScreenedSample> read(String topic, String id) {
        SpecificAvroSerde<ScreenedSample> serde = new SpecificAvroSerde<>(ScreenedSample.class);
        serde.configure(SERDES, false);
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaForRegistry.broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "reader-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            consumer.subscribe(List.of(topic));
            for (var record : consumer.poll(Duration.ofSeconds(2))) {
                if (id.equals(record.key())) {
                    return Optional.of(record.value());
                }
            }
        }
        return Optional.empty();
    }

    /** The value once {@code condition} has one: a stream needs seconds to swap a set in, on a busy machine more. */
    private static <T> T await(Supplier<Optional<T>> condition) {
        return Awaitility.await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200))
                .until(condition::get, Optional::isPresent).orElseThrow();
    }
}
