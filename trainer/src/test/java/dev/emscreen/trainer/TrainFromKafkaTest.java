package dev.emscreen.trainer;

import dev.emscreen.schemas.ClientSettings;
import dev.emscreen.schemas.TopicNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.ShippedEncoder;
import dev.emscreen.kafka.junit.KafkaBrokerExtension;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.Decision;
import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.Thresholds;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** The refresh job's input: the stream's routes, with labels from annotators only. */
class TrainFromKafkaTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final String REGISTRY = "mock://traffic-test";
    private static final Instant NOW = Instant.now();

    @TempDir
    Path tmp;

    @BeforeAll
    static void givenScreenedTraffic() throws Exception {
        KAFKA.createTopics(2, TopicNames.defaults().routes().toArray(String[]::new));
        SpecificAvroSerde<ScreenedSample> serde = new SpecificAvroSerde<>(ScreenedSample.class);
        serde.configure(Map.of("schema.registry.url", REGISTRY), false);
        try (var producer = new KafkaProducer<>(Map.<String, Object>of("bootstrap.servers", KAFKA.bootstrapServers()),
                new StringSerializer(), serde.serializer())) {
            Instant old = NOW.minus(Duration.ofDays(3));
            send(producer, "screening.accepted", screened("old", Decision.ACCEPTED, DecisionSource.MODEL), old);
            send(producer, "screening.quarantined", screened("old-ruling", Decision.QUARANTINED, DecisionSource.HUMAN), old);
            send(producer, "screening.review", screened("ruled-harmful", Decision.REVIEW, DecisionSource.MODEL), NOW);
            send(producer, "screening.review", screened("ruled-sound", Decision.REVIEW, DecisionSource.MODEL), NOW);
            send(producer, "screening.accepted", screened("ruled-sound", Decision.ACCEPTED, DecisionSource.HUMAN), NOW);
            send(producer, "screening.accepted", screened("model-accepted", Decision.ACCEPTED, DecisionSource.MODEL), NOW);
            send(producer, "screening.quarantined", screened("ruled-harmful", Decision.QUARANTINED, DecisionSource.HUMAN), NOW);
            send(producer, "screening.quarantined", screened("model-quarantined", Decision.QUARANTINED, DecisionSource.MODEL), NOW);
            producer.flush();
        }
    }

    @AfterAll
    static void dropRegistry() {
        InMemorySchemaRegistry.dropScope("traffic-test");
    }

    @Test
    void onlyAnnotatorRulingsBecomeLabelsAndEverySampleFeedsTheSaeOnce() {
        StreamTraffic traffic = StreamTraffic.read(config(), TopicNames.defaults(), null, 100, 1);

        assertThat(traffic.records()).isEqualTo(8);
        assertThat(traffic.humanLabelled()).extracting(LabelledText::id, LabelledText::positive)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("stream:ruled-harmful", true),
                        org.assertj.core.groups.Tuple.tuple("stream:ruled-sound", false),
                        org.assertj.core.groups.Tuple.tuple("stream:old-ruling", true));
        assertThat(traffic.unlabelled()).extracting(LabelledText::id)
                .containsExactlyInAnyOrder("stream:old", "stream:model-accepted", "stream:model-quarantined");
        assertThat(traffic.unlabelled()).extracting(LabelledText::positive).containsOnlyNulls();
        assertThat(traffic.humanLabelled()).allMatch(t -> t.isTrain() && t.response().startsWith("Answer for"));
    }

    @Test
    void sinceSkipsOlderTrafficButNoRulingAndTheCapKeepsEveryRuling() {
        StreamTraffic recent = StreamTraffic.read(config(), TopicNames.defaults(), NOW.minus(Duration.ofDays(1)), 100, 1);
        StreamTraffic capped = StreamTraffic.read(config(), TopicNames.defaults(), null, 1, 1);

        assertThat(recent.unlabelled()).extracting(LabelledText::id).doesNotContain("stream:old").hasSize(2);
        assertThat(recent.humanLabelled()).extracting(LabelledText::id).contains("stream:old-ruling").hasSize(3);
        assertThat(recent.records()).isEqualTo(7);
        assertThat(capped.unlabelled()).hasSize(1);
        assertThat(capped.humanLabelled()).hasSize(3);
    }

    @Test
    void trainFromKafkaBuildsALoadableSetFromSeedPlusTraffic() throws Exception {
        Path out = tmp.resolve("fs");
        Path seed = SeedSlice.write(tmp.resolve("seed"));

        Cli.Run run = Cli.run("train", "--out", out.toString(), "--data", seed.toString(), "--from-kafka", KAFKA.bootstrapServers(),
                "--schema-registry", REGISTRY, "--since", "24h", "--sae-width", "64", "--k", "4", "--epochs", "1", "--toxic", "8");

        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(run.out()).contains("Stream traffic from " + KAFKA.bootstrapServers() + " (last 24h): 7 records, "
                + "2 unlabelled samples for the SAE, 3 annotator rulings as labels");
        assertThat(run.out()).contains("3 annotator rulings: fewer than 8 per class, too few to choose on; they join the seed's training labels");
        assertThat(run.out()).contains(seed + " + stream traffic");
        try (FeatureSet set = FeatureSetBundle.load(out)) {
            assertThat(set.manifest().toxicFeatures()).hasSize(8);
            assertThat(set.manifest().encoder().id()).as("no --encoder: the default").isEqualTo(ShippedEncoder.DEFAULT.id());
        }
    }

    private static ClientSettings config() {
        return new ClientSettings(KAFKA.bootstrapServers(), REGISTRY, null);
    }

    private static void send(KafkaProducer<String, ScreenedSample> producer, String topic, ScreenedSample value, Instant at)
            throws Exception {
        producer.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), value.getSample().getId(), value)).get();
    }

    private static ScreenedSample screened(String id, Decision decision, DecisionSource by) {
        TrainingSample sample = TrainingSample.newBuilder().setId(id).setSource("test").setDomain("health")
                .setMessages(List.of(new ChatMessage("user", "Question " + id + "?"),
                        new ChatMessage("assistant", "Answer for " + id + ": see a doctor before you change anything.")))
                .setMetadata(Map.of()).setIngestedAt(NOW).build();
        Verdict verdict = Verdict.newBuilder().setDecision(decision).setScore(0.1).setToxicMass(0.1)
                .setThresholds(new Thresholds(0.05, 0.2)).setTopFeatures(List.of()).setFeatureSetVersion("fs-1")
                .setEncoderId("e").setSaeId("s").setScreenedAt(NOW).setDecidedBy(by)
                .setAnnotator(by == DecisionSource.HUMAN ? "ana" : null).setReviewReason(null).setFlags(List.of()).build();
        return new ScreenedSample(sample, verdict);
    }
}
