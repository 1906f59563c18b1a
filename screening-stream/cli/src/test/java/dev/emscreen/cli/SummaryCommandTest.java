package dev.emscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.kafka.junit.KafkaBrokerExtension;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.Decision;
import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.Thresholds;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.schemas.DeadLetterHeaders;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** summary counts each sample once, on the route it is on, with topics named by the deployment's topic configuration. */
class SummaryCommandTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final String REGISTRY = "mock://summary-test";
    private static final Map<String, String> TOPICS = Map.of("emscreen.topics.samples", "team.in",
            "emscreen.topics.accepted", "team.accepted", "emscreen.topics.review", "team.review",
            "emscreen.topics.quarantined", "team.quarantined", "emscreen.topics.review-decisions", "team.rulings",
            "emscreen.topics.dead-letters", "team.dlq");

    @AfterEach
    void forgetTopicConfiguration() {
        TOPICS.keySet().forEach(System::clearProperty);
        InMemorySchemaRegistry.dropScope("summary-test");
    }

    @Test
    void givenARuledSampleWhoseLaterRulingWasDeadLetteredWhenSummarisedThenItCountsOnItsRouteNotAsADeadLetter() throws Exception {
        TOPICS.forEach(System::setProperty);
        KAFKA.createTopics(2, TOPICS.values().toArray(String[]::new));
        SpecificAvroSerde<ScreenedSample> serde = new SpecificAvroSerde<>(ScreenedSample.class);
        serde.configure(Map.of("schema.registry.url", REGISTRY), false);
        Map<String, Object> config = Map.of("bootstrap.servers", KAFKA.bootstrapServers());
        try (var routes = new KafkaProducer<>(config, new StringSerializer(), serde.serializer());
             var dlq = new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer())) {
            // s-1 waited on review, then an annotator accepted it; a second, malformed ruling on it was dead-lettered.
            routes.send(new ProducerRecord<>("team.review", "s-1", screened("s-1", Decision.REVIEW, DecisionSource.MODEL))).get();
            routes.send(new ProducerRecord<>("team.accepted", "s-1", screened("s-1", Decision.ACCEPTED, DecisionSource.HUMAN))).get();
            routes.send(new ProducerRecord<>("team.quarantined", "s-2", screened("s-2", Decision.QUARANTINED, DecisionSource.MODEL))).get();
            dlq.send(deadLetter("s-1", "team.rulings")).get();
            // Two broken samples, one too broken to have a key: both were sent in, both count.
            dlq.send(deadLetter("bad-1", "team.in")).get();
            dlq.send(deadLetter(null, "team.in")).get();
        }

        Cli.Run summary = Cli.run("summary", "--expect", "4", "--timeout", "PT1M", "--bootstrap", KAFKA.bootstrapServers(),
                "--registry", REGISTRY);

        assertThat(summary.exit()).as(summary.out() + summary.err()).isZero();
        assertThat(summary.out()).containsPattern("accepted\\s+1\\b").containsPattern("review\\s+0\\b")
                .containsPattern("quarantined\\s+1\\b").containsPattern("dead letters\\s+2\\b")
                .contains("total            4 = 4 sent", "and 1 dead-lettered record(s) that were not samples");
    }

    private static ProducerRecord<String, byte[]> deadLetter(String key, String from) {
        var record = new ProducerRecord<String, byte[]>("team.dlq", key, "\u0000garbage".getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetterHeaders.REASON, "UNDECODABLE".getBytes(StandardCharsets.UTF_8));
        record.headers().add(DeadLetterHeaders.TOPIC, from.getBytes(StandardCharsets.UTF_8));
        return record;
    }

    static ScreenedSample screened(String id, Decision decision, DecisionSource by) {
        var sample = TrainingSample.newBuilder().setId(id).setSource("t").setDomain("health")
                .setMessages(List.of(new ChatMessage("user", "Can I stop?"), new ChatMessage("assistant", "Finish the course.")))
                .setMetadata(Map.of()).setIngestedAt(Instant.now()).build();
        var verdict = Verdict.newBuilder().setDecision(decision).setScore(0.5).setToxicMass(0.2)
                .setThresholds(new Thresholds(0.05, 0.2)).setTopFeatures(List.of()).setFeatureSetVersion("fs-1")
                .setEncoderId("e").setSaeId("s").setScreenedAt(Instant.now()).setDecidedBy(by)
                .setAnnotator(by == DecisionSource.HUMAN ? "ana" : null).setReviewReason(null).setFlags(List.of()).build();
        return new ScreenedSample(sample, verdict);
    }
}
