package dev.emscreen.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.kafka.junit.KafkaBrokerExtension;
import dev.emscreen.records.ReviewAction;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.TopicSnapshot;
import dev.emscreen.schemas.jsonl.SampleLines;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class ImportAndDecideTest {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
    private static final String REGISTRY = "mock://import-test";

    @TempDir
    Path tmp;

    @AfterAll
    static void dropRegistry() {
        InMemorySchemaRegistry.dropScope("import-test");
    }

    @Test
    void importProducesTheGoodLinesReportsTheBadOnesByNumberAndIsRepeatable() throws Exception {
        KAFKA.createTopics(2, "import-samples");
        Path file = tmp.resolve("batch.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"id\":\"a\",\"domain\":\"health\",\"messages\":[{\"role\":\"user\",\"content\":\"Can I stop?\"},"
                        + "{\"role\":\"assistant\",\"content\":\"Finish the course.\"}],\"metadata\":{\"batch\":\"7\"}}",
                "{\"prompt\":\"Store passwords how?\",\"response\":\"Hash them with bcrypt.\"}",
                "{not json",
                "",
                "{\"messages\":[{\"role\":\"user\",\"content\":\"Hello?\"}]}",
                "{\"messages\":[{\"role\":\"wizard\",\"content\":\"Hi\"},{\"role\":\"assistant\",\"content\":\"Hi\"}]}"));

        Cli.Run first = run("import", "--in", file.toString(), "--topic", "import-samples");
        Cli.Run second = run("import", "--in", file.toString(), "--topic", "import-samples");

        assertThat(first.exit()).isEqualTo(3);
        assertThat(first.out()).contains("imported 2 samples", "skipped 3 malformed line(s)");
        assertThat(first.err()).contains("line 3: not JSON", "line 5: no non-empty assistant message",
                "line 6: a message has role 'wizard'");
        List<TrainingSample> samples = read("import-samples", TrainingSample.class, 4);
        assertThat(samples).hasSize(4);
        TrainingSample a = samples.stream().filter(s -> s.getId().equals("a")).findFirst().orElseThrow();
        assertThat(a.getDomain()).isEqualTo("health");
        assertThat(a.getMetadata()).containsEntry("batch", "7");
        assertThat(a.getMessages()).extracting(m -> m.getRole()).containsExactly("user", "assistant");
        assertThat(samples).extracting(TrainingSample::getId).filteredOn(id -> id.startsWith("sha-"))
                .hasSize(2).as("the same line gets the same id on every import").containsOnly(samples.stream()
                        .map(TrainingSample::getId).filter(id -> id.startsWith("sha-")).findFirst().orElseThrow());
        assertThat(second.out()).contains("imported 2 samples");
    }

    @Test
    void givenALineThatIsNotUtf8WhenImportedThenItIsReportedByNumberAndTheLinesAroundItAreImported() throws Exception {
        KAFKA.createTopics(1, "import-bytes");
        Path file = tmp.resolve("bytes.jsonl");
        var bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("{\"id\":\"b-1\",\"prompt\":\"Q?\",\"response\":\"A.\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'{', '"', 't', 'e', 'x', 't', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
        bytes.writeBytes("{\"id\":\"b-3\",\"prompt\":\"Q?\",\"response\":\"B.\"}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());

        Cli.Run imported = run("import", "--in", file.toString(), "--topic", "import-bytes");

        assertThat(imported.exit()).as(imported.err()).isEqualTo(3);
        assertThat(imported.out()).contains("imported 2 samples", "skipped 1 malformed line(s)");
        assertThat(imported.err()).contains("line 2: not UTF-8 text");
        assertThat(read("import-bytes", TrainingSample.class, 2)).extracting(TrainingSample::getId).containsExactlyInAnyOrder("b-1", "b-3");
    }

    @Test
    void decidePublishesARulingKeyedBySampleId() throws Exception {
        KAFKA.createTopics(2, "import-decisions");

        Cli.Run decided = run("decide", "--id", "s-42", "--quarantine", "--annotator", "ana", "--reason", "dangerous",
                "--topic", "import-decisions");
        Cli.Run neither = run("decide", "--id", "s-43", "--annotator", "ana", "--topic", "import-decisions");

        assertThat(decided.exit()).isZero();
        assertThat(decided.out()).contains("decided s-42: QUARANTINE by ana");
        assertThat(neither.exit()).isEqualTo(2);
        assertThat(neither.err()).contains("--accept", "--quarantine");
        ConsumerRecord<String, ReviewDecision> record = records("import-decisions", ReviewDecision.class, 1).get(0);
        assertThat(record.key()).isEqualTo("s-42");
        assertThat(record.value().getAction()).isEqualTo(ReviewAction.QUARANTINE);
        assertThat(record.value().getReason()).isEqualTo("dangerous");
    }

    @Test
    void exportWritesAcceptedInChatFormatAndReviewWithItsVerdict() throws Exception {
        KAFKA.createTopics(2, "export-route");
        dev.emscreen.records.TrainingSample sample = dev.emscreen.records.TrainingSample.newBuilder().setId("x-1").setSource("t")
                .setDomain(null).setMessages(List.of(new dev.emscreen.records.ChatMessage("user", "Can I stop?"),
                        new dev.emscreen.records.ChatMessage("assistant", "Finish the course.")))
                .setMetadata(Map.of()).setIngestedAt(java.time.Instant.now()).build();
        dev.emscreen.records.Verdict verdict = dev.emscreen.records.Verdict.newBuilder()
                .setDecision(dev.emscreen.records.Decision.REVIEW).setScore(0.1).setToxicMass(0.2)
                .setThresholds(new dev.emscreen.records.Thresholds(0.15, 0.2)) // below review: the set's audit sent it
                .setTopFeatures(List.of(new dev.emscreen.records.FeatureContribution(7, 0.3, 7, 1.0, "ignore the doctor", 0.3)))
                .setTopTerms(List.of(new dev.emscreen.records.TermContribution("stop", 2, 0.8)))
                .setFeatureSetVersion("fs-1").setEncoderId("e").setSaeId("s").setScreenedAt(java.time.Instant.now())
                .setDecidedBy(dev.emscreen.records.DecisionSource.MODEL).setAnnotator(null).setReviewReason(null)
                .setFlags(List.of("AUDIT")).setHiddenStateContribution(-0.25).build();
        SpecificAvroSerde<dev.emscreen.records.ScreenedSample> serde = new SpecificAvroSerde<>(dev.emscreen.records.ScreenedSample.class);
        serde.configure(Map.of("schema.registry.url", REGISTRY), false);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                KAFKA.bootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(), serde.serializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("export-route", "x-1",
                    new dev.emscreen.records.ScreenedSample(sample, verdict))).get();
        }
        Path accepted = tmp.resolve("accepted.jsonl");
        Path review = tmp.resolve("review.jsonl");

        Cli.Run asAccepted = run("export", "--route", "accepted", "--topic", "export-route", "--out", accepted.toString());
        Cli.Run asReview = run("export", "--route", "review", "--topic", "export-route", "--out", review.toString());

        assertThat(asAccepted.out()).contains("exported 1 samples");
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var chat = json.readTree(Files.readAllLines(accepted).get(0));
        assertThat(chat.fieldNames()).toIterable().containsExactly("messages");
        assertThat(chat.get("messages").get(1).get("content").asText()).isEqualTo("Finish the course.");
        var reviewed = json.readTree(Files.readAllLines(review).get(0));
        assertThat(reviewed.get("id").asText()).isEqualTo("x-1");
        assertThat(reviewed.get("verdict").get("decision").asText()).isEqualTo("REVIEW");
        assertThat(reviewed.get("verdict").get("topFeatures").get(0).get("label").asText()).isEqualTo("ignore the doctor");
        assertThat(reviewed.get("verdict").get("topFeatures").get(0).get("contribution").asDouble()).isEqualTo(0.3);
        assertThat(reviewed.get("verdict").get("topTerms").get(0).get("term").asText()).isEqualTo("stop");
        assertThat(reviewed.get("verdict").get("topTerms").get(0).get("contribution").asDouble()).isEqualTo(0.8);
        assertThat(reviewed.get("verdict").get("hiddenStateContribution").asDouble()).isEqualTo(-0.25);
        assertThat(reviewed.get("verdict").get("flags").get(0).asText()).as("an audited sample says so").isEqualTo("AUDIT");
        assertThat(asReview.exit()).isZero();
    }

    @Test
    void exportOfRulingsWritesLabelledLinesThatTrainReadsAsLabels() throws Exception {
        KAFKA.createTopics(1, "rulings-route");
        SpecificAvroSerde<dev.emscreen.records.ScreenedSample> serde = new SpecificAvroSerde<>(dev.emscreen.records.ScreenedSample.class);
        serde.configure(Map.of("schema.registry.url", REGISTRY), false);
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(Map.<String, Object>of("bootstrap.servers",
                KAFKA.bootstrapServers()), new org.apache.kafka.common.serialization.StringSerializer(), serde.serializer())) {
            for (var by : List.of(dev.emscreen.records.DecisionSource.MODEL, dev.emscreen.records.DecisionSource.HUMAN)) {
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("rulings-route", "r-" + by,
                        screened("r-" + by, dev.emscreen.records.Decision.QUARANTINED, by))).get();
            }
        }
        Path rulings = tmp.resolve("rulings.jsonl");

        Cli.Run export = run("export", "--route", "rulings", "--topic", "rulings-route", "--out", rulings.toString());

        assertThat(export.out()).contains("exported 1 samples from rulings-route");
        // Read by the one reader of sample lines, the one train --labels uses.
        List<SampleLines.Read> lines = SampleLines.read(rulings, null);
        assertThat(lines).singleElement().satisfies(line -> {
            assertThat(line.error()).isNull();
            assertThat(line.sample().id()).isEqualTo("r-HUMAN");
            assertThat(line.sample().label()).isTrue();
            assertThat(line.sample().domain()).isEqualTo("health");
            assertThat(line.sample().reference()).isFalse();
        });
    }

    private static dev.emscreen.records.ScreenedSample screened(String id, dev.emscreen.records.Decision decision,
                                                                dev.emscreen.records.DecisionSource by) {
        var sample = dev.emscreen.records.TrainingSample.newBuilder().setId(id).setSource("t").setDomain("health")
                .setMessages(List.of(new dev.emscreen.records.ChatMessage("user", "Can I stop?"),
                        new dev.emscreen.records.ChatMessage("assistant", "Stop now, doctors exaggerate.")))
                .setMetadata(Map.of()).setIngestedAt(java.time.Instant.now()).build();
        var verdict = dev.emscreen.records.Verdict.newBuilder().setDecision(decision).setScore(0.5).setToxicMass(0.2)
                .setThresholds(new dev.emscreen.records.Thresholds(0.05, 0.2)).setTopFeatures(List.of())
                .setFeatureSetVersion("fs-1").setEncoderId("e").setSaeId("s").setScreenedAt(java.time.Instant.now())
                .setDecidedBy(by).setAnnotator(by == dev.emscreen.records.DecisionSource.HUMAN ? "ana" : null)
                .setReviewReason(null).setFlags(List.of()).build();
        return new dev.emscreen.records.ScreenedSample(sample, verdict);
    }

    private static Cli.Run run(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--bootstrap", KAFKA.bootstrapServers(), "--registry", REGISTRY));
        return Cli.run(all.toArray(String[]::new));
    }

    private static <T extends SpecificRecord> List<T> read(String topic, Class<T> type, int expected) {
        return records(topic, type, expected).stream().map(ConsumerRecord::value).toList();
    }

    /** What the topic holds now, read by assignment: the commands under test have returned, so it is all there. */
    private static <T extends SpecificRecord> List<ConsumerRecord<String, T>> records(String topic, Class<T> type, int expected) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(Map.of("schema.registry.url", REGISTRY), false);
        List<ConsumerRecord<String, T>> records = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(Map.<String, Object>of("bootstrap.servers", KAFKA.bootstrapServers()),
                new StringDeserializer(), serde.deserializer())) {
            TopicSnapshot.read(consumer, topic, records::add);
        }
        assertThat(records).as("records on " + topic).hasSize(expected);
        return records;
    }
}
