package dev.emscreen.stream.topology;

import dev.emscreen.schemas.DeadLetterHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.kafka.junit.KafkaBrokerExtension;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.TopicNames;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import dev.emscreen.stream.TestFeatureSets;
import dev.emscreen.stream.TestSamples;
import dev.emscreen.stream.featureset.ActiveFeatureSet;
import dev.emscreen.stream.featureset.FeatureSetLoader;
import dev.emscreen.stream.ops.ScreeningMetrics;
import dev.emscreen.stream.ops.TopicProvisioner;
import dev.emscreen.stream.review.VerdictLocator;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The topology on a real broker, exactly-once, as downstream consumers (read_committed) see it. */
class ScreeningStreamIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final int PARTITIONS = 3;
    /** The shipped settings: topic size limit and the producer that must fit a dead letter of that size. */
    private static final Properties SHIPPED = shipped();
    private static final int MAX_MESSAGE_BYTES = Integer.parseInt(SHIPPED.getProperty("emscreen.topics.max-message-bytes"));
    @TempDir
    static Path sets;
    private static TestFeatureSets.Built first;
    private static TestFeatureSets.Built second;

    @TempDir
    Path tmp;
    private final String scope = "stream-it-" + UUID.randomUUID();
    private final Map<String, String> serdeConfig = Map.of("schema.registry.url", "mock://" + scope);
    private TopicNames topics;
    private String applicationId;
    private ActiveFeatureSet active;
    private KafkaStreams streams;
    private ScreeningTopology topology;

    @BeforeAll
    static void buildFeatureSets() {
        double[] scores = TestFeatureSets.scores(TestFeatureSets.build(sets.resolve("probe"), 0, 1), TestSamples.all("p"));
        double[] sorted = scores.clone();
        Arrays.sort(sorted);
        first = TestFeatureSets.build(sets.resolve("first"), sorted[sorted.length * 2 / 5], sorted[sorted.length * 4 / 5]);
        second = TestFeatureSets.build(sets.resolve("second"), sorted[sorted.length / 5], sorted[sorted.length * 3 / 5]);
    }

    private void start(String name) {
        start(name, Duration.ofMillis(100));
    }

    private void start(String name, Duration maxWait) {
        String suffix = "-" + name;
        topics = new TopicNames("samples" + suffix, "accepted" + suffix, "review" + suffix, "quarantined" + suffix,
                "decisions" + suffix, "versions" + suffix, "dlq" + suffix);
        try (Admin admin = KAFKA.admin()) {
            assertThat(TopicProvisioner.provision(admin, topics, PARTITIONS, (short) 1, MAX_MESSAGE_BYTES)).isEmpty(); // idempotent on restart
        }
        StreamSettings settings = new StreamSettings(topics, 32, maxWait, 3, Truncation.TRUNCATE, 20_000,
                serdeConfig);
        if (active != null) {
            active.close();
        }
        active = new ActiveFeatureSet();
        FeatureSetLoader loader = new FeatureSetLoader(active, tmp.resolve("cache"), Truncation.TRUNCATE, 3);
        assertThat(loader.loadPath(first.dir())).isTrue();
        applicationId = "screening-it-" + name;
        Properties props = streamsProperties(applicationId, tmp.resolve("state"));
        topology = ScreeningTopology.build(settings, active, loader, new ScreeningMetrics(new SimpleMeterRegistry()));
        streams = new KafkaStreams(topology, props);
        streams.start();
    }

    /** The stream, then what its topology started: the topology must outlive the stream that runs it. */
    private void stopStream() {
        streams.close(Duration.ofSeconds(30));
        topology.close();
    }

    @AfterEach
    void stop() {
        if (streams != null) {
            stopStream();
            streams.cleanUp();
        }
        if (active != null) {
            active.close();
        }
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void fiveThousandSamplesEachAppearExactlyOnceAcrossTheRoutes() {
        start("five-thousand");
        List<TrainingSample> samples = samples(5_000);

        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            for (TrainingSample sample : samples) {
                producer.send(new ProducerRecord<>(topics.samples(), utf8(sample.getId()), encode(sample)));
            }
        }

        Map<String, List<ConsumerRecord<byte[], byte[]>>> routed = read(samples.size());
        Map<String, Long> seen = idsAcrossRoutes(routed);
        assertThat(seen).hasSize(samples.size()).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1L));
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(samples.stream().map(TrainingSample::getId).toList());
        assertThat(routed.get(topics.deadLetters())).isEmpty();
        for (String route : List.of(topics.accepted(), topics.review(), topics.quarantined())) {
            assertThat(routed.get(route)).as(route).isNotEmpty();
        }
    }

    @Test
    void aSwapMidStreamAndPoisonRecordsBetweenGoodOnesLoseAndDoubleNothing() {
        start("swap-and-poison");
        List<TrainingSample> samples = samples(1_200);
        List<byte[]> poison = new ArrayList<>();
        List<String> outputs = List.of(topics.accepted(), topics.review(), topics.quarantined(), topics.deadLetters());

        Map<String, List<ConsumerRecord<byte[], byte[]>>> routed;
        try (KafkaProducer<byte[], byte[]> producer = producer();
             RouteReader reader = new RouteReader(KAFKA.bootstrapServers(), outputs)) {
            int half = samples.size() / 2;
            produceWithPoison(producer, samples.subList(0, half), poison);
            producer.flush();
            // Swap while the stream is working: after the first half is routed, while the second is arriving.
            reader.readAtLeast(half / 2, Duration.ofMinutes(2));
            producer.send(new ProducerRecord<>(topics.featureSetVersions(), utf8(second.version()),
                    serde(FeatureSetVersion.class).serializer().serialize(topics.featureSetVersions(),
                            second.announce(FeatureSetStatus.ACTIVE))));
            produceWithPoison(producer, samples.subList(half, samples.size()), poison);
            producer.flush();
            routed = readAll(reader, samples.size() + poison.size());
        }

        Map<String, Long> seen = idsAcrossRoutes(routed);
        assertThat(seen).hasSize(samples.size()).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1L));
        List<ConsumerRecord<byte[], byte[]>> letters = routed.get(topics.deadLetters());
        assertThat(letters).extracting(ConsumerRecord::value).containsExactlyInAnyOrderElementsOf(poison);
        assertThat(letters).allSatisfy(r -> assertThat(DeadLetters.header(r.headers(), DeadLetterHeaders.REASON))
                .isEqualTo("UNDECODABLE"));
        Map<String, Long> versions = screened(routed).stream()
                .collect(Collectors.groupingBy(s -> s.getVerdict().getFeatureSetVersion(), Collectors.counting()));
        assertThat(versions).containsOnlyKeys(first.version(), second.version());
        assertThat(active.version()).contains(second.version());
    }

    @Test
    void samplesBufferedAtARestartAreScreenedOnceFromTheRestoredBuffer() {
        // A long max-wait keeps part-filled batches in the buffer when the first instance stops.
        start("restart", Duration.ofSeconds(3));
        List<TrainingSample> samples = samples(700);
        List<String> outputs = List.of(topics.accepted(), topics.review(), topics.quarantined(), topics.deadLetters());

        Map<String, List<ConsumerRecord<byte[], byte[]>>> routed;
        try (KafkaProducer<byte[], byte[]> producer = producer();
             RouteReader reader = new RouteReader(KAFKA.bootstrapServers(), outputs)) {
            samples.forEach(s -> producer.send(new ProducerRecord<>(topics.samples(), utf8(s.getId()), encode(s))));
            producer.flush();
            reader.readAtLeast(200, Duration.ofMinutes(2));
            stopStream();
            streams.cleanUp(); // local state gone: the buffer must come back from its changelog
            start("restart", Duration.ofSeconds(3));
            routed = readAll(reader, samples.size());
        }

        Map<String, Long> seen = idsAcrossRoutes(routed);
        assertThat(seen).hasSize(samples.size()).allSatisfy((id, times) -> assertThat(times).as(id).isEqualTo(1L));
    }

    @Test
    void aOneMegabyteTextIsDeadLetteredWholeAndTheStreamGoesOn() throws Exception {
        // Given topics as the stream creates them and its shipped producer size
        start("one-megabyte");
        TrainingSample like = TestSamples.sample("huge", 0);
        TrainingSample huge = TrainingSample.newBuilder(like).setMessages(List.of(like.getMessages().get(0),
                new ChatMessage("assistant", "a".repeat(1 << 20)))).build();
        byte[] hugeBytes = encode(huge);
        TrainingSample after = TestSamples.sample("after-huge", 1);

        // When a 1 MiB text arrives, then an ordinary sample
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            producer.send(new ProducerRecord<>(topics.samples(), utf8("huge"), hugeBytes)).get(); // the topic takes it
            producer.send(new ProducerRecord<>(topics.samples(), utf8(after.getId()), encode(after))).get();
        }

        // Then the huge one is dead-lettered byte for byte with its reason, and the next one is routed
        Map<String, List<ConsumerRecord<byte[], byte[]>>> routed = read(2);
        assertThat(hugeBytes.length).isGreaterThan(1 << 20);
        assertThat(routed.get(topics.deadLetters())).singleElement().satisfies(r -> {
            assertThat(r.value()).isEqualTo(hugeBytes);
            assertThat(DeadLetters.header(r.headers(), DeadLetterHeaders.REASON)).isEqualTo("TOO_LONG");
        });
        assertThat(idsAcrossRoutes(routed)).containsOnlyKeys(after.getId());
    }

    @Test
    void eachInstanceAnswersForItsOwnSamplesAndNamesTheOwnerOfTheOthers() throws Exception {
        start("two-instances");
        stopStream(); // replaced below by two instances that say where they answer
        streams = null;
        List<TrainingSample> samples = samples(60);
        // Where each instance says it answers: names only, nothing listens there (verdicts are asked of KafkaStreams).
        List<String> hosts = List.of("instance-one", "instance-two");
        List<KafkaStreams> instances = new ArrayList<>();
        List<ScreeningTopology> topologies = new ArrayList<>();
        try {
            for (String host : hosts) {
                Properties props = streamsProperties(applicationId, tmp.resolve("state-" + host));
                props.put(StreamsConfig.APPLICATION_SERVER_CONFIG, host + ":8080");
                StreamSettings settings = new StreamSettings(topics, 32, Duration.ofMillis(100), 3, Truncation.TRUNCATE, 20_000,
                        serdeConfig);
                ScreeningTopology instanceTopology = ScreeningTopology.build(settings, active,
                        new FeatureSetLoader(active, tmp.resolve("cache"), Truncation.TRUNCATE, 3),
                        new ScreeningMetrics(new SimpleMeterRegistry()));
                topologies.add(instanceTopology);
                KafkaStreams instance = new KafkaStreams(instanceTopology, props);
                instance.start();
                instances.add(instance);
            }
            try (KafkaProducer<byte[], byte[]> producer = producer()) {
                samples.forEach(s -> producer.send(new ProducerRecord<>(topics.samples(), utf8(s.getId()), encode(s))));
            }
            read(samples.size());

            List<VerdictLocator> locators = instances.stream().map(VerdictLocator::new).toList();
            for (TrainingSample sample : samples) {
                // The verdict store lags the routes a little: wait until one instance holds the verdict. An
                // instance may also be rebalancing when asked (it says so, Unavailable, and answers once
                // RUNNING again; seen under load in CI): wait that out too, then check what each one says.
                List<VerdictLocator.Location> answers = await().atMost(Duration.ofMinutes(1))
                        .until(() -> locators.stream().map(l -> l.locate(sample.getId())).toList(),
                                found -> found.stream().anyMatch(a -> a instanceof VerdictLocator.Here h && h.verdict() != null)
                                        && found.stream().noneMatch(a -> a instanceof VerdictLocator.Unavailable));
                int holder = answers.get(0) instanceof VerdictLocator.Here ? 0 : 1;
                assertThat(answers.get(holder)).as(sample.getId()).isInstanceOfSatisfying(VerdictLocator.Here.class,
                        h -> assertThat(h.verdict().getFeatureSetVersion()).isEqualTo(first.version()));
                assertThat(answers.get(1 - holder)).as(sample.getId()).isInstanceOfSatisfying(VerdictLocator.Elsewhere.class,
                        e -> assertThat(e.owner().host()).isEqualTo(hosts.get(holder)));
            }
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() ->
                    assertThat(samples).extracting(s -> locators.get(0).locate(s.getId()) instanceof VerdictLocator.Here)
                            .as("both instances hold some samples").contains(true, false));
        } finally {
            instances.forEach(i -> i.close(Duration.ofSeconds(30)));
            topologies.forEach(ScreeningTopology::close);
        }
    }

    /** Sends the samples with an undecodable record after every 100th. */
    private void produceWithPoison(KafkaProducer<byte[], byte[]> producer, List<TrainingSample> samples, List<byte[]> poison) {
        for (TrainingSample sample : samples) {
            producer.send(new ProducerRecord<>(topics.samples(), utf8(sample.getId()), encode(sample)));
            if (sample.getId().endsWith("50")) {
                byte[] garbage = ("poison after " + sample.getId()).getBytes(StandardCharsets.UTF_8);
                poison.add(garbage);
                producer.send(new ProducerRecord<>(topics.samples(), utf8("poison-" + sample.getId()), garbage));
            }
        }
    }

    private static Properties streamsProperties(String applicationId, Path stateDir) {
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.consumerPrefix("auto.offset.reset"), "earliest");
        props.put(StreamsConfig.producerPrefix(ProducerConfig.MAX_REQUEST_SIZE_CONFIG),
                SHIPPED.getProperty("kafka-streams.producer.max.request.size"));
        return props;
    }

    private static Properties shipped() {
        Properties props = new Properties();
        try (var in = ScreeningStreamIT.class.getResourceAsStream("/application.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }

    private Map<String, List<ConsumerRecord<byte[], byte[]>>> read(int expected) {
        List<String> outputs = List.of(topics.accepted(), topics.review(), topics.quarantined(), topics.deadLetters());
        try (RouteReader reader = new RouteReader(KAFKA.bootstrapServers(), outputs)) {
            return readAll(reader, expected);
        }
    }

    /**
     * Everything the stream writes for the samples sent: at least {@code expected} records, and then the
     * rest of what it committed by the time it has committed its whole input. Verdicts commit with the
     * input offsets, so nothing for that input can come after: a doubled verdict would be read here.
     */
    private Map<String, List<ConsumerRecord<byte[], byte[]>>> readAll(RouteReader reader, int expected) {
        reader.readAtLeast(expected, Duration.ofMinutes(4));
        awaitInputCommitted();
        return reader.readToEnd(Duration.ofMinutes(1));
    }

    /** Waits until the stream's committed offsets on the samples topic reach its end. */
    private void awaitInputCommitted() {
        try (Admin admin = KAFKA.admin()) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topics.samples())).allTopicNames().get()
                    .get(topics.samples()).partitions().stream()
                    .map(p -> new TopicPartition(topics.samples(), p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = partitions.stream()
                    .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
            await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(applicationId)
                        .partitionsToOffsetAndMetadata().get();
                var ends = admin.listOffsets(latest).all().get();
                for (TopicPartition p : partitions) {
                    long end = ends.get(p).offset();
                    OffsetAndMetadata at = committed.get(p);
                    assertThat(at == null ? 0 : at.offset()).as("committed offset of " + p).isEqualTo(end);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new AssertionError(e);
        }
    }

    private Map<String, Long> idsAcrossRoutes(Map<String, List<ConsumerRecord<byte[], byte[]>>> routed) {
        return screened(routed).stream().map(s -> s.getSample().getId())
                .collect(Collectors.groupingBy(Function.identity(), HashMap::new, Collectors.counting()));
    }

    private List<ScreenedSample> screened(Map<String, List<ConsumerRecord<byte[], byte[]>>> routed) {
        var deserializer = serde(ScreenedSample.class).deserializer();
        List<ScreenedSample> all = new ArrayList<>();
        for (String route : List.of(topics.accepted(), topics.review(), topics.quarantined())) {
            routed.get(route).forEach(r -> all.add(deserializer.deserialize(route, r.value())));
        }
        return all;
    }

    private static List<TrainingSample> samples(int count) {
        List<TrainingSample> samples = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            samples.add(TestSamples.sample("s-" + i, i));
        }
        return samples;
    }

    private KafkaProducer<byte[], byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers());
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, MAX_MESSAGE_BYTES);
        return new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private byte[] encode(TrainingSample sample) {
        return serde(TrainingSample.class).serializer().serialize(topics.samples(), sample);
    }

    private <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(serdeConfig, false);
        return serde;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
