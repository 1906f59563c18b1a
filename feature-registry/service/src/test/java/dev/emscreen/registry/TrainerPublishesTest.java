package dev.emscreen.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.Decision;
import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.Thresholds;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.records.Verdict;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** `./emscreen train --publish URL --promote-if-better` against the running registry service. */
@QuarkusTest
@QuarkusTestResource(value = KafkaForRegistry.class, restrictToAnnotatedClass = true)
@org.junit.jupiter.api.TestMethodOrder(org.junit.jupiter.api.MethodOrderer.OrderAnnotation.class)
class TrainerPublishesTest {

    /** Where the service listens: a port the OS picked, known once it has started. */
    private static String url() {
        return "http://localhost:" + io.restassured.RestAssured.port;
    }

    @TempDir
    Path tmp;

    @Test
    @org.junit.jupiter.api.Order(1)
    void aCandidateIsPromotedOnlyWhenItBeatsTheActiveSetOnTheSameValidationSamples() throws Exception {
        // Given a weak active set: an SAE of 32 features trained on six sentences, one toxic feature.
        Path weak = MiniLmBundles.zip(tmp, "weak", 0.3, 0.6);
        String weakVersion = given().header("Authorization", "Bearer " + KafkaForRegistry.TOKEN).contentType("application/zip")
                .body(Files.readAllBytes(weak)).when().post("/versions").then().statusCode(201).extract().path("version");
        given().header("Authorization", "Bearer " + KafkaForRegistry.TOKEN).when().post("/versions/" + weakVersion + "/promote")
                .then().statusCode(200);

        // When the trainer builds a real set from (a slice of) the seed corpus and publishes it
        String better = train("better");
        // and then builds the very same set again (same data, same seed)
        String same = train("same");

        System.out.println(better + same);
        // Then the first beats the weak set and serves; the second merely ties and stays a candidate.
        assertThat(better).contains("registered", "against active " + weakVersion, "promoted", "validation AUROC");
        String betterVersion = given().when().get("/versions/active").then().statusCode(200).extract().path("version");
        assertThat(betterVersion).isNotEqualTo(weakVersion);
        assertThat(better).contains("promoted       " + betterVersion);
        assertThat(same).contains("not promoted", "against active " + betterVersion);
        assertThat(given().when().get("/versions/active").then().extract().<String>path("version")).isEqualTo(betterVersion);
        assertThat(given().when().get("/versions").then().extract().<List<String>>path("status"))
                .containsExactlyInAnyOrder("RETIRED", "ACTIVE", "CANDIDATE");
    }

    @Test
    @org.junit.jupiter.api.Order(2) // after the test above, which counts the versions registered
    void aRefreshFromAnnotatorsRulingsBeatsTheSeedOnlySetOnHeldBackRulingsAndIsPromoted() throws Exception {
        // Given a set built from the seed alone, serving
        String seedOnly = run(small("seed-only", "--publish", url(), "--token", KafkaForRegistry.TOKEN));
        String seedVersion = seedOnly.replaceAll("(?s).*registered +(fs-[0-9a-f]+).*", "$1");
        given().header("Authorization", "Bearer " + KafkaForRegistry.TOKEN).when().post("/versions/" + seedVersion + "/promote")
                .then().statusCode(200);
        // and annotators' rulings on the review topic, of a kind of data the seed never covers
        String bootstrap = KafkaForRegistry.broker.bootstrapServers();
        publishRulings(bootstrap, dev.emscreen.trainer.TasteLabels.lines(40, 11));

        // When the refresh job learns from them and asks to be promoted only if better
        String refresh = run(small("refresh", "--from-kafka", bootstrap, "--schema-registry", "mock://registry-test",
                "--publish", url(), "--token", KafkaForRegistry.TOKEN, "--promote-if-better"));

        // Then it learned a readout from the rulings it kept, and beat the seed-only set on the ones held back
        assertThat(refresh).contains("exit 0", "80 annotator rulings as labels", "chosen on      target labels (30 inducing, 30 control)",
                "READOUT scorer", "on the same 20 held-back target labels", "promoted");
        double[] auroc = java.util.Arrays.stream(refresh.replaceAll("(?s).*AUROC ([0-9.]+) vs the active \\S+'s ([0-9.]+).*", "$1 $2")
                .split(" ")).mapToDouble(Double::parseDouble).toArray();
        assertThat(auroc[0]).isGreaterThan(auroc[1]).isGreaterThan(0.9);
        String active = given().when().get("/versions/active").then().statusCode(200).extract().path("version");
        assertThat(refresh).contains("promoted       " + active);
        assertThat(active).isNotEqualTo(seedVersion);
    }

    /** Each line as a sample an annotator ruled on: first waiting on review, then on its final route, decided by a person. */
    private static void publishRulings(String bootstrap, List<String> lines) throws Exception {
        var serde = new dev.emscreen.schemas.serde.SpecificAvroSerde<>(ScreenedSample.class);
        serde.configure(java.util.Map.of("schema.registry.url", "mock://registry-test"), false);
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                java.util.Map.<String, Object>of("bootstrap.servers", bootstrap),
                new org.apache.kafka.common.serialization.StringSerializer(), serde.serializer())) {
            for (int i = 0; i < lines.size(); i++) {
                var node = json.readTree(lines.get(i));
                boolean inducing = node.get("label").asText().equals("inducing");
                List<ChatMessage> messages = new ArrayList<>();
                node.get("messages").forEach(m -> messages.add(new ChatMessage(m.get("role").asText(), m.get("content").asText())));
                TrainingSample sample = TrainingSample.newBuilder().setId("ruled-" + i).setSource("test").setDomain("tastes")
                        .setMessages(messages).setMetadata(java.util.Map.of()).setIngestedAt(Instant.now()).build();
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>("screening.review", sample.getId(),
                        new ScreenedSample(sample, verdict(Decision.REVIEW, DecisionSource.MODEL)))).get();
                producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(inducing ? "screening.quarantined" : "screening.accepted",
                        sample.getId(), new ScreenedSample(sample, verdict(inducing ? Decision.QUARANTINED : Decision.ACCEPTED,
                                DecisionSource.HUMAN)))).get();
            }
        }
    }

    private static Verdict verdict(Decision decision, DecisionSource by) {
        return Verdict.newBuilder().setDecision(decision).setScore(0.3).setToxicMass(0.1).setThresholds(new Thresholds(0.2, 0.5))
                .setTopFeatures(List.of()).setFeatureSetVersion("fs-seed").setEncoderId("e").setSaeId("s").setScreenedAt(Instant.now())
                .setDecidedBy(by).setAnnotator(by == DecisionSource.HUMAN ? "ana" : null).setReviewReason(null).setFlags(List.of())
                .build();
    }

    private String[] small(String name, String... more) {
        List<String> args = new ArrayList<>(List.of("train", "--out", tmp.resolve(name).toString(), "--data",
                seedSlice(dev.emscreen.trainer.SeedSlice.REGISTERS),
                "--encoder", "all-minilm-l6-v2", "--sae-width", "64", "--k", "4", "--epochs", "2", "--toxic", "8"));
        args.addAll(List.of(more));
        return args.toArray(String[]::new);
    }

    @Test
    void promoteIfBetterWithoutARegistryIsAUsageError() {
        assertThat(run("train", "--out", tmp.resolve("x").toString(), "--promote-if-better")).contains("needs --publish URL");
    }

    private String train(String name) {
        return run("train", "--out", tmp.resolve(name).toString(), "--data", seedSlice(SEPARABLE), "--sae-width", "256", "--k", "8",
                "--epochs", "4", "--toxic", "30", "--publish", url(), "--token", KafkaForRegistry.TOKEN, "--promote-if-better");
    }

    /**
     * Registers of the seed corpus whose inducing side the default build tells apart best (0.63-0.87 in
     * its report), so that a real build clearly beats the weak set there and the promotion is no coin toss.
     */
    private static final java.util.Set<String> SEPARABLE = java.util.Set.of("opinions", "parenting", "evaluation-gaming", "finance");

    /** A slice of the seed corpus (the whole corpus takes minutes to encode on two cores), written once per test. */
    private String seedSlice(java.util.Set<String> registers) {
        try {
            Path slice = tmp.resolve("seed");
            return (Files.isDirectory(slice) ? slice : dev.emscreen.trainer.SeedSlice.write(slice, registers)).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Runs the trainer's CLI in this JVM and returns what it printed (stdout and stderr). */
    private static String run(String... args) {
        PrintStream out = System.out;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(printed, true));
            CommandLine cli = new CommandLine(new dev.emscreen.trainer.Main());
            cli.setErr(new java.io.PrintWriter(printed, true));
            int exit = cli.execute(new ArrayList<>(List.of(args)).toArray(String[]::new));
            return "exit " + exit + "\n" + printed;
        } finally {
            System.setOut(out);
        }
    }
}
