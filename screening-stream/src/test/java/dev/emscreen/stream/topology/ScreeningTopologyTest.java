package dev.emscreen.stream.topology;

import dev.emscreen.schemas.DeadLetterHeaders;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.Decision;
import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.records.ReviewAction;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.schemas.TopicNames;
import dev.emscreen.schemas.registry.InMemorySchemaRegistry;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import dev.emscreen.stream.RefusingPort;
import dev.emscreen.stream.TestFeatureSets;
import dev.emscreen.stream.TestSamples;
import dev.emscreen.stream.featureset.Activations;
import dev.emscreen.stream.featureset.ActiveFeatureSet;
import dev.emscreen.stream.featureset.FeatureSetLoader;
import dev.emscreen.stream.featureset.ServingSet;
import dev.emscreen.stream.ops.ScreeningMetrics;
import dev.emscreen.stream.review.Verdicts;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.test.TestRecord;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.KeyValueStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScreeningTopologyTest {

    @TempDir
    static Path sets;
    /** Three samples: the lowest, a middle and the highest scorer of the test samples. */
    private static TrainingSample low;
    private static TrainingSample middle;
    private static TrainingSample high;
    /** Review at the middle sample's score, quarantine at the highest's. */
    private static TestFeatureSets.Built atThresholds;
    /** The same SAE with thresholds that accept everything: a different version. */
    private static TestFeatureSets.Built acceptAll;

    @TempDir
    Path tmp;
    private final String scope = "topology-" + UUID.randomUUID();
    private final Map<String, String> serdeConfig = Map.of("schema.registry.url", "mock://" + scope);
    private ActiveFeatureSet active;
    private FeatureSetLoader loader;
    private SimpleMeterRegistry meters;
    private ScreeningMetrics metrics;
    private ScreeningTopology topology;
    private TopologyTestDriver driver;
    private TestInputTopic<String, TrainingSample> samples;
    private TestInputTopic<byte[], byte[]> rawSamples;
    private TestInputTopic<String, ReviewDecision> decisions;
    private TestInputTopic<String, FeatureSetVersion> versions;
    private TestOutputTopic<String, ScreenedSample> accepted;
    private TestOutputTopic<String, ScreenedSample> review;
    private TestOutputTopic<String, ScreenedSample> quarantined;
    private TestOutputTopic<byte[], byte[]> dlq;

    @BeforeAll
    static void buildFeatureSets() {
        List<TrainingSample> all = TestSamples.all("probe-");
        double[] scores = TestFeatureSets.scores(TestFeatureSets.build(sets.resolve("probe"), 0.0, 1.0), all);
        List<Integer> order = IntStream.range(0, all.size()).boxed().sorted(Comparator.comparingDouble(i -> scores[i])).toList();
        low = TestSamples.sample("low", order.get(0));
        middle = TestSamples.sample("middle", order.get(order.size() / 2));
        high = TestSamples.sample("high", order.get(order.size() - 1));
        // A hair below each score: the same text scores the same, but not necessarily to the last bit in every batch shape.
        atThresholds = TestFeatureSets.build(sets.resolve("thresholds"), scores[order.get(order.size() / 2)] - 1e-6,
                scores[order.get(order.size() - 1)] - 1e-6);
        acceptAll = TestFeatureSets.build(sets.resolve("accept-all"), 10.0, 11.0);
    }

    private void start(int batchSize, Truncation truncation, int maxChars, TestFeatureSets.Built initial) {
        StreamSettings settings = new StreamSettings(TopicNames.defaults(), batchSize, Duration.ofMillis(200), 3,
                truncation, maxChars, serdeConfig);
        active = new ActiveFeatureSet();
        meters = new SimpleMeterRegistry();
        metrics = new ScreeningMetrics(meters);
        loader = new FeatureSetLoader(active, tmp.resolve("cache"), truncation, 3);
        if (initial != null) {
            assertThat(loader.loadPath(initial.dir())).isTrue();
        }
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "screening-test");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        props.put(StreamsConfig.STATE_DIR_CONFIG, tmp.resolve("state").toString());
        topology = ScreeningTopology.build(settings, active, loader, metrics);
        driver = new TopologyTestDriver(topology, props);
        TopicNames topics = settings.topics();
        samples = driver.createInputTopic(topics.samples(), new StringSerializer(), serde(TrainingSample.class).serializer());
        rawSamples = driver.createInputTopic(topics.samples(), new ByteArraySerializer(), new ByteArraySerializer());
        decisions = driver.createInputTopic(topics.reviewDecisions(), new StringSerializer(),
                serde(ReviewDecision.class).serializer());
        versions = driver.createInputTopic(topics.featureSetVersions(), new StringSerializer(),
                serde(FeatureSetVersion.class).serializer());
        accepted = output(topics.accepted());
        review = output(topics.review());
        quarantined = output(topics.quarantined());
        dlq = driver.createOutputTopic(topics.deadLetters(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** The driver first, then the topology: what the topology started must not stop before the stream. */
    @AfterEach
    void close() {
        if (driver != null) {
            driver.close();
            driver = null;
        }
        if (topology != null) {
            topology.close();
            topology = null;
        }
        if (active != null) {
            active.close();
            active = null;
        }
        InMemorySchemaRegistry.dropScope(scope);
    }

    @Test
    void routesEachSampleByTheActiveThresholds() {
        start(3, Truncation.TRUNCATE, 20_000, atThresholds);

        samples.pipeInput("k1", low);
        samples.pipeInput("k2", middle);
        samples.pipeInput("k3", high);

        ScreenedSample acceptedOne = single(accepted);
        assertThat(acceptedOne.getSample()).isEqualTo(low);
        assertThat(single(review).getSample()).isEqualTo(middle);
        ScreenedSample quarantinedOne = single(quarantined);
        assertThat(quarantinedOne.getSample()).isEqualTo(high);
        Verdict verdict = quarantinedOne.getVerdict();
        assertThat(verdict.getDecision()).isEqualTo(Decision.QUARANTINED);
        assertThat(verdict.getScore()).isGreaterThanOrEqualTo(verdict.getThresholds().getQuarantine());
        assertThat(verdict.getFeatureSetVersion()).isEqualTo(atThresholds.version());
        assertThat(verdict.getEncoderId()).isEqualTo(TestFeatureSets.encoder().id());
        assertThat(verdict.getSaeId()).startsWith("TOPK-64-");
        assertThat(verdict.getDecidedBy()).isEqualTo(DecisionSource.MODEL);
        assertThat(verdict.getTopFeatures()).isNotEmpty().allSatisfy(f -> assertThat(f.getLabel()).isNotBlank());
        assertThat(acceptedOne.getVerdict().getScore()).isLessThan(acceptedOne.getVerdict().getThresholds().getReview());
        assertThat(dlq.isEmpty()).isTrue();
    }

    @Test
    void aPartBatchWaitsUntilMaxWaitThenFlushes() {
        start(8, Truncation.TRUNCATE, 20_000, acceptAll);

        samples.pipeInput("k1", low);
        samples.pipeInput("k2", high);
        assertThat(accepted.isEmpty()).as("a batch of 8 is not full after 2").isTrue();

        driver.advanceWallClockTime(Duration.ofMillis(250));

        assertThat(accepted.readValuesToList()).extracting(s -> s.getSample().getId()).containsExactly("low", "high");
    }

    @Test
    void badRecordsAreDeadLetteredWithTheirBytesAndTheGoodOnesAroundThemAreRouted() {
        start(1, Truncation.TRUNCATE, 2_000, acceptAll);
        byte[] good = serde(TrainingSample.class).serializer().serialize("screening.samples", low);
        byte[] unknownSchema = good.clone();
        ByteBuffer.wrap(unknownSchema).putInt(1, 987_654);
        byte[] truncated = java.util.Arrays.copyOf(good, good.length - 7);
        byte[] invalidUtf8 = withInvalidUtf8(good);
        List<byte[]> bad = List.of("not avro at all".getBytes(StandardCharsets.UTF_8), unknownSchema, truncated, invalidUtf8,
                bytes(chat("empty", "", "")), bytes(chat("no-answer", "What should I do?", "")),
                bytes(chat("huge", "Tell me more.", "word ".repeat(1_000))), bytes(chat("", "Hello?", "Hi.")));

        for (byte[] value : bad) {
            rawSamples.pipeInput(new TestRecord<>("key".getBytes(StandardCharsets.UTF_8), value));
            samples.pipeInput("ok", high);
        }

        List<TestRecord<byte[], byte[]>> letters = dlq.readRecordsToList();
        assertThat(letters).hasSize(bad.size());
        assertThat(letters).extracting(r -> DeadLetters.header(r.headers(), DeadLetterHeaders.REASON)).containsExactly(
                "UNDECODABLE", "UNKNOWN_SCHEMA", "UNDECODABLE", "UNDECODABLE", "EMPTY_TEXT", "NO_RESPONSE", "TOO_LONG",
                "MISSING_ID");
        for (int i = 0; i < bad.size(); i++) {
            TestRecord<byte[], byte[]> letter = letters.get(i);
            assertThat(letter.value()).isEqualTo(bad.get(i));
            assertThat(letter.key()).isEqualTo("key".getBytes(StandardCharsets.UTF_8));
            assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.TOPIC)).isEqualTo("screening.samples");
            assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.PARTITION)).isEqualTo("0");
            assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.OFFSET)).isEqualTo(Long.toString(2L * i));
            assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.ERROR)).isNotBlank();
        }
        assertThat(accepted.readValuesToList()).hasSize(bad.size());
        assertThat(metrics.deadLetterCount(DeadLetterReason.UNDECODABLE)).isEqualTo(3);
    }

    @Test
    void overTheTokenLimitIsTruncatedAndFlaggedOrDeadLetteredByPolicy() {
        TrainingSample longOne = chat("long", "Tell me about saving money.", "Save a little every month. ".repeat(60));

        start(1, Truncation.TRUNCATE, 20_000, acceptAll);
        samples.pipeInput("k", longOne);
        assertThat(single(accepted).getVerdict().getFlags()).containsExactly(Verdicts.TRUNCATED);
        close();

        start(1, Truncation.REJECT, 20_000, acceptAll);
        samples.pipeInput("k", longOne);
        assertThat(accepted.isEmpty()).isTrue();
        assertThat(DeadLetters.header(dlq.readRecord().headers(), DeadLetterHeaders.REASON)).isEqualTo("TOO_LONG");
    }

    @Test
    void anAnnotatorsDecisionRoutesTheWaitingSampleOnceAndIsRecorded() {
        start(1, Truncation.TRUNCATE, 20_000, atThresholds);
        samples.pipeInput("k", middle);
        assertThat(single(review).getSample().getId()).isEqualTo("middle");

        decisions.pipeInput("middle", decision("middle", ReviewAction.ACCEPT, "ana"));
        decisions.pipeInput("middle", decision("middle", ReviewAction.ACCEPT, "ana"));

        ScreenedSample decided = single(accepted);
        assertThat(decided.getSample()).isEqualTo(middle);
        assertThat(decided.getVerdict().getDecidedBy()).isEqualTo(DecisionSource.HUMAN);
        assertThat(decided.getVerdict().getAnnotator()).isEqualTo("ana");
        assertThat(decided.getVerdict().getDecision()).isEqualTo(Decision.ACCEPTED);
        assertThat(decided.getVerdict().getFeatureSetVersion()).isEqualTo(atThresholds.version());
        assertThat(dlq.isEmpty()).as("a repeated decision is idempotent").isTrue();
        KeyValueStore<String, Verdict> verdicts = driver.getKeyValueStore(StoreNames.VERDICTS);
        assertThat(verdicts.get("middle").getDecidedBy()).isEqualTo(DecisionSource.HUMAN);
        KeyValueStore<String, ScreenedSample> pending = driver.getKeyValueStore(StoreNames.PENDING_REVIEWS);
        assertThat(pending.get("middle")).isNull();
    }

    @Test
    void decisionsForUnknownOrDecidedSamplesAreDeadLetteredAndMiskeyedOnesStillJoin() {
        start(1, Truncation.TRUNCATE, 20_000, atThresholds);
        samples.pipeInput("k", middle);
        single(review);

        decisions.pipeInput("nobody", decision("nobody", ReviewAction.QUARANTINE, "ben"));
        decisions.pipeInput((String) null, decision("middle", ReviewAction.QUARANTINE, "ben"));
        decisions.pipeInput("middle", decision("middle", ReviewAction.ACCEPT, "cy"));

        assertThat(single(quarantined).getVerdict().getAnnotator()).isEqualTo("ben");
        assertThat(dlq.readRecordsToList()).extracting(r -> DeadLetters.header(r.headers(), DeadLetterHeaders.REASON))
                .containsExactly("UNKNOWN_SAMPLE", "CONFLICTING_DECISION");
    }

    @Test
    void anAnnouncedFeatureSetIsSwappedInAndACorruptOneIsRefused() throws Exception {
        start(1, Truncation.TRUNCATE, 20_000, acceptAll);
        samples.pipeInput("k", high);
        assertThat(single(accepted).getVerdict().getFeatureSetVersion()).isEqualTo(acceptAll.version());

        versions.pipeInput(atThresholds.version(), atThresholds.announce(FeatureSetStatus.ACTIVE));
        samples.pipeInput("k", high);
        assertThat(single(quarantined).getVerdict().getFeatureSetVersion()).isEqualTo(atThresholds.version());

        Path corrupt = tmp.resolve("corrupt.zip");
        byte[] zip = Files.readAllBytes(acceptAll.archive());
        zip[zip.length / 2] ^= 0x5a;
        Files.write(corrupt, zip);
        FeatureSetVersion announced = acceptAll.announce(FeatureSetStatus.ACTIVE);
        announced.getBundle().setUri(corrupt.toUri().toString());
        versions.pipeInput(acceptAll.version(), announced);

        assertThat(active.lastRefusal()).get().asString().contains("sha256", "still serving " + atThresholds.version());
        samples.pipeInput("k", high);
        assertThat(single(quarantined).getVerdict().getFeatureSetVersion()).isEqualTo(atThresholds.version());
    }

    @Test
    void anAnnouncedFeatureSetOfTheWrongShapeIsRefusedAndTheOldOneServes() {
        // Given a stream serving a set, and a whole, correctly hashed set whose SAE expects 128-d states
        start(1, Truncation.TRUNCATE, 20_000, atThresholds);
        TestFeatureSets.Built wrongShape = TestFeatureSets.wrongWidth(tmp.resolve("wrong-shape"), 128);

        // When it is announced ACTIVE
        versions.pipeInput(wrongShape.version(), wrongShape.announce(FeatureSetStatus.ACTIVE));

        // Then it is refused, saying why, and the old set still screens
        assertThat(active.lastRefusal()).get().asString().contains("Refused feature set " + wrongShape.version(),
                "384", "128", "still serving " + atThresholds.version());
        samples.pipeInput("k", high);
        assertThat(single(quarantined).getVerdict().getFeatureSetVersion()).isEqualTo(atThresholds.version());
    }

    @Test
    void aSetWithALearnedReadoutScoresAsOfflineRoutesADomainByItsOwnThresholdsAndNamesTheWords() {
        // Given a readout set whose code samples have thresholds of their own (nothing of code is flagged)
        List<TrainingSample> all = TestSamples.all("readout-");
        double[] probe = TestFeatureSets.scores(TestFeatureSets.withReadout(tmp.resolve("readout-probe"), 0, 1, null), all);
        double median = IntStream.range(0, all.size()).filter(i -> !"code".equals(all.get(i).getDomain()))
                .mapToDouble(i -> probe[i]).sorted().toArray()[all.size() / 3];
        TestFeatureSets.Built readout = TestFeatureSets.withReadout(tmp.resolve("readout"), median - 1e-6, 1.0,
                Map.of("code", new dev.emscreen.features.bundle.FeatureSetManifest.DomainThresholds(1.5, 2.0, 60, 60)));
        var offline = TestFeatureSets.screenings(readout, all);
        start(4, Truncation.TRUNCATE, 20_000, readout);

        // When every sample is screened
        all.forEach(sample -> samples.pipeInput(sample.getId(), sample));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        // Then each verdict carries the score and decision the offline screener (./emscreen score) gives
        Map<String, Verdict> verdicts = verdictsAsOffline(all, offline);
        for (int i = 0; i < all.size(); i++) {
            Verdict v = verdicts.get(all.get(i).getId());
            boolean code = "code".equals(all.get(i).getDomain());
            assertThat(v.getThresholds().getReview()).isEqualTo(code ? 1.5 : median - 1e-6);
            if (code) {
                assertThat(v.getDecision()).isEqualTo(Decision.ACCEPTED);
            }
        }
        assertThat(verdicts.values()).anySatisfy(v -> assertThat(v.getDecision()).isNotEqualTo(Decision.ACCEPTED));
        // and the words that drove it: "plain text" in the password answer, weighted 1.5 by the readout
        Verdict plainText = verdicts.values().stream().filter(v -> v.getTopTerms().stream()
                .anyMatch(t -> t.getTerm().equals("plain text"))).findFirst().orElseThrow();
        assertThat(plainText.getTopTerms().get(0).getContribution()).isGreaterThanOrEqualTo(1.2);
        // and what the mean hidden state added, which no feature or word names, as the offline screener computed it
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.getHiddenStateContribution()).isNotNull());
        assertThat(verdicts.values()).anySatisfy(v -> assertThat(Math.abs(v.getHiddenStateContribution())).isGreaterThan(1e-3));

        // When an annotator accepts a sample that waited for review, the model's evidence stays on her verdict
        Map.Entry<String, Verdict> waited = verdicts.entrySet().stream()
                .filter(e -> e.getValue().getDecision() == Decision.REVIEW).findFirst().orElseThrow();
        decisions.pipeInput(waited.getKey(), decision(waited.getKey(), ReviewAction.ACCEPT, "ana"));
        Verdict ruled = single(accepted).getVerdict();
        assertThat(ruled.getDecidedBy()).isEqualTo(DecisionSource.HUMAN);
        assertThat(ruled.getHiddenStateContribution()).isEqualTo(waited.getValue().getHiddenStateContribution());
    }

    @Test
    void aYoungSetSendsItsAuditShareOfWhatItWouldAcceptToReviewFlaggedAsOffline() {
        // Given a set that would accept everything, with fewer than 64 labels per class and so a random audit of half
        var selection = new FeatureSetManifest.ReviewSelection(FeatureSetManifest.ReviewSelection.RANDOM_AUDIT, 0.5, null, null, 0, 64,
                "young");
        TestFeatureSets.Built young = TestFeatureSets.build(tmp.resolve("young"),
                new FeatureSetManifest.Thresholds(10.0, 11.0, "CONTROL_BUDGET", 0.02, 0.1, null, selection));
        List<TrainingSample> all = TestSamples.all("audit-");
        var offline = TestFeatureSets.screenings(young, all);
        start(4, Truncation.TRUNCATE, 20_000, young);

        // When every sample is screened
        all.forEach(sample -> samples.pipeInput(sample.getId(), sample));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        // Then the samples the audit drew wait for review, flagged, and the rest are accepted, as ./emscreen score says
        Map<String, Verdict> verdicts = verdictsAsOffline(all, offline);
        assertThat(verdicts.values()).allSatisfy(v -> {
            assertThat(v.getScore()).isLessThan(v.getThresholds().getReview());
            assertThat(v.getFlags().contains(Verdicts.AUDIT)).isEqualTo(v.getDecision() == Decision.REVIEW);
        });
        assertThat(verdicts.values()).anySatisfy(v -> assertThat(v.getDecision()).isEqualTo(Decision.REVIEW))
                .anySatisfy(v -> assertThat(v.getDecision()).isEqualTo(Decision.ACCEPTED));

        // and an annotator's ruling on an audited sample keeps the flag: it is a label drawn at random
        String audited = verdicts.entrySet().stream().filter(e -> e.getValue().getDecision() == Decision.REVIEW)
                .map(Map.Entry::getKey).findFirst().orElseThrow();
        decisions.pipeInput(audited, decision(audited, ReviewAction.ACCEPT, "ana"));
        assertThat(single(accepted).getVerdict().getFlags()).contains(Verdicts.AUDIT);
    }

    @Test
    void aSetAroundAPretrainedJumpReluSaeScoresAsOffline() {
        // Given a set built around a Gemma-Scope-format SAE (JumpReLU, reading the raw hidden state), routing a third
        List<TrainingSample> all = TestSamples.all("pretrained-");
        double[] probe = TestFeatureSets.scores(TestFeatureSets.pretrainedJumpRelu(tmp.resolve("pretrained-probe"), 0, 1), all);
        double cut = java.util.Arrays.stream(probe).sorted().toArray()[2 * all.size() / 3];
        TestFeatureSets.Built pretrained = TestFeatureSets.pretrainedJumpRelu(tmp.resolve("pretrained"), cut - 1e-6, 1.0);
        var offline = TestFeatureSets.screenings(pretrained, all);
        start(4, Truncation.TRUNCATE, 20_000, pretrained);

        // When every sample is screened
        all.forEach(sample -> samples.pipeInput(sample.getId(), sample));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        // Then the stream gives each the score and decision ./emscreen score gives, by the JumpReLU SAE
        Map<String, Verdict> verdicts = verdictsAsOffline(all, offline);
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.getSaeId()).startsWith("JUMPRELU-64-"));
        assertThat(verdicts.values()).allSatisfy(v -> assertThat(v.getHiddenStateContribution()).isNull());
        assertThat(verdicts.values()).anySatisfy(v -> assertThat(v.getDecision()).isEqualTo(Decision.REVIEW));
        assertThat(verdicts.values()).anySatisfy(v -> assertThat(v.getDecision()).isEqualTo(Decision.ACCEPTED));
        assertThat(pretrained.manifest().sae().source().release()).isEqualTo("gemma-scope-2b-pt-res");
    }

    /** Every sample's verdict by sample id, from whichever route it took, each with the offline screener's score and decision. */
    private Map<String, Verdict> verdictsAsOffline(List<TrainingSample> all, List<dev.emscreen.features.Screener.Screening> offline) {
        Map<String, Verdict> verdicts = new java.util.HashMap<>();
        for (var topic : List.of(accepted, review, quarantined)) {
            topic.readValuesToList().forEach(s -> verdicts.put(s.getSample().getId(), s.getVerdict()));
        }
        assertThat(verdicts).hasSize(all.size());
        for (int i = 0; i < all.size(); i++) {
            Verdict v = verdicts.get(all.get(i).getId());
            assertThat(v.getScore()).as(all.get(i).getId()).isCloseTo(offline.get(i).score().value(),
                    org.assertj.core.data.Offset.offset(1e-9));
            assertThat(v.getDecision()).isEqualTo(offline.get(i).decision());
            assertThat(v.getFlags().contains(Verdicts.AUDIT)).isEqualTo(offline.get(i).audited());
            Double hidden = offline.get(i).score().hiddenState();
            if (hidden == null) {
                assertThat(v.getHiddenStateContribution()).isNull();
            } else {
                assertThat(v.getHiddenStateContribution()).isCloseTo(hidden, org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        return verdicts;
    }

    @Test
    void withoutAFeatureSetSamplesWaitInTheBufferAndNothingIsLost() {
        start(2, Truncation.TRUNCATE, 20_000, null);
        samples.pipeInput("k1", low);
        samples.pipeInput("k2", high);
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(accepted.isEmpty()).isTrue();
        assertThat(active.current()).isEmpty();

        versions.pipeInput(acceptAll.version(), acceptAll.announce(FeatureSetStatus.ACTIVE));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        assertThat(accepted.readValuesToList()).extracting(s -> s.getSample().getId()).containsExactly("low", "high");
    }

    @Test
    void aBacklogBufferedWithoutAFeatureSetIsScreenedOneBatchAtATime() {
        // Given a batch size of 2 and five samples that arrived before any feature set was loaded
        start(2, Truncation.TRUNCATE, 20_000, null);
        List<TrainingSample> backlog = IntStream.range(0, 5).mapToObj(i -> TestSamples.sample("backlog-" + i, i)).toList();
        backlog.forEach(s -> samples.pipeInput(s.getId(), s));
        assertThat(accepted.isEmpty()).isTrue();

        // When a set arrives, each punctuation screens one batch: Streams commits between them, so no transaction
        // stays open while the whole backlog is screened
        versions.pipeInput(acceptAll.version(), acceptAll.announce(FeatureSetStatus.ACTIVE));
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        assertThat(accepted.readValuesToList()).extracting(s -> s.getSample().getId()).containsExactly("backlog-0", "backlog-1");
        driver.advanceWallClockTime(Duration.ofSeconds(1));
        driver.advanceWallClockTime(Duration.ofSeconds(1));

        // Then every sample is routed once, in order, and no encoder batch was larger than the batch size
        assertThat(accepted.readValuesToList()).extracting(s -> s.getSample().getId())
                .containsExactly("backlog-2", "backlog-3", "backlog-4");
        var sizes = meters.get("emscreen.batch.size").summary();
        assertThat(sizes.count()).isEqualTo(3);
        assertThat(sizes.max()).isEqualTo(2);
        try (var left = driver.<Long, PendingSample>getKeyValueStore(StoreNames.BATCH_BUFFER).all()) {
            assertThat(left.hasNext()).as("the batch buffer is empty").isFalse();
        }
    }

    @Test
    void aCandidateIsNotServed() {
        start(1, Truncation.TRUNCATE, 20_000, acceptAll);
        versions.pipeInput(atThresholds.version(), atThresholds.announce(FeatureSetStatus.CANDIDATE));
        samples.pipeInput("k", high);
        assertThat(single(accepted).getVerdict().getFeatureSetVersion()).isEqualTo(acceptAll.version());
    }

    @Test
    void aRecordTheEncoderFailsOnIsDeadLetteredAndItsBatchMatesAreRouted() throws Exception {
        start(3, Truncation.TRUNCATE, 20_000, null);
        // The real encoder, failing on one text: what an ONNX runtime error on one odd input looks like.
        var real = TestFeatureSets.encoder();
        var failing = new dev.emscreen.features.encoder.TextEncoder() {
            public String id() { return real.id(); }
            public int dimension() { return real.dimension(); }
            public int maxTokens() { return real.maxTokens(); }
            public List<dev.emscreen.features.encoder.TokenStates> encode(List<dev.emscreen.features.encoder.ChatText> texts) {
                if (texts.stream().anyMatch(t -> t.text().contains("EXPLODE"))) {
                    throw new dev.emscreen.features.encoder.UnscreenableTextException(
                            dev.emscreen.features.encoder.UnscreenableTextException.Reason.ENCODER_FAILURE, "the runtime failed");
                }
                return real.encode(texts);
            }
            public void close() { }
        };
        Activations.activate(active, new ServingSet(dev.emscreen.features.bundle.FeatureSetBundle.load(acceptAll.dir()),
                failing, 3));

        samples.pipeInput("k1", low);
        samples.pipeInput("k2", chat("odd", "Please answer.", "EXPLODE this answer"));
        samples.pipeInput("k3", high);

        assertThat(accepted.readValuesToList()).extracting(s -> s.getSample().getId()).containsExactly("low", "high");
        TestRecord<byte[], byte[]> letter = dlq.readRecord();
        assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.REASON)).isEqualTo("ENCODER_FAILURE");
        assertThat(DeadLetters.header(letter.headers(), DeadLetterHeaders.OFFSET)).isEqualTo("1");
    }

    @Test
    void closingTheTopologyEndsTheFeedRetryItStarted() throws Exception {
        // Given a stream whose feed announces a set the registry cannot serve yet, so that the feed retries it
        start(1, Truncation.TRUNCATE, 20_000, acceptAll);
        Set<Thread> before = retryThreads();
        try (RefusingPort registry = new RefusingPort()) {
            FeatureSetVersion announced = atThresholds.announce(FeatureSetStatus.ACTIVE);
            announced.getBundle().setUri(registry.uri("/artifacts/" + announced.getBundle().getSha256()).toString());
            versions.pipeInput(atThresholds.version(), announced);
        }
        assertThat(active.lastRefusal()).get().asString().contains("cannot reach");
        Set<Thread> retrying = retryThreads();
        retrying.removeAll(before);
        assertThat(retrying).as("the feed's retry thread").hasSize(1);

        // When the stream stops and its owner closes the topology
        close();

        // Then the retry's thread is gone
        await().atMost(Duration.ofSeconds(15)).until(() -> retrying.stream().noneMatch(Thread::isAlive));
    }

    private static Set<Thread> retryThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("feature-set-feed-retry"))
                .collect(Collectors.toSet());
    }

    private static ScreenedSample single(TestOutputTopic<String, ScreenedSample> topic) {
        List<ScreenedSample> values = topic.readValuesToList();
        assertThat(values).hasSize(1);
        return values.get(0);
    }

    private TestOutputTopic<String, ScreenedSample> output(String topic) {
        return driver.createOutputTopic(topic, new StringDeserializer(), serde(ScreenedSample.class).deserializer());
    }

    private <T extends org.apache.avro.specific.SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type);
        serde.configure(serdeConfig, false);
        return serde;
    }

    private byte[] bytes(TrainingSample sample) {
        return serde(TrainingSample.class).serializer().serialize("screening.samples", sample);
    }

    private static TrainingSample chat(String id, String prompt, String answer) {
        List<ChatMessage> messages = new ArrayList<>();
        messages.add(new ChatMessage("user", prompt));
        messages.add(new ChatMessage("assistant", answer));
        return TrainingSample.newBuilder(TestSamples.sample(id, 0)).setMessages(messages).build();
    }

    private static ReviewDecision decision(String id, ReviewAction action, String annotator) {
        return new ReviewDecision(id, action, annotator, "checked by hand", Instant.parse("2026-11-23T11:00:00Z"));
    }

    /** The record with one byte of its source field replaced by 0xFF, which no UTF-8 string may hold. */
    private static byte[] withInvalidUtf8(byte[] good) {
        byte[] copy = good.clone();
        byte[] marker = "test".getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i + marker.length <= copy.length; i++) {
            if (java.util.Arrays.equals(copy, i, i + marker.length, marker, 0, marker.length)) {
                copy[i] = (byte) 0xFF;
                return copy;
            }
        }
        throw new IllegalStateException("marker not found: the test samples' source changed");
    }
}
