package dev.emscreen.stream.console;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.Decision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.Thresholds;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.stream.KafkaWithFeatureSet;
import dev.emscreen.stream.TestSamples;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The review console's benchmark (./emscreen bench-console; not part of the test suite, whose
 * includes skip *Bench): with N samples waiting on screening.review (default 10,000, produced straight
 * onto the topic as the stream would), an annotator in headless Chromium rules on sample after sample,
 * and the page times each, from the key's event to the next sample's card in the page, waiting for the
 * frame after it. Prints the distribution and a BENCH line; asserts nothing about time.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaWithFeatureSet.class, restrictToAnnotatedClass = true)
class ReviewConsoleBench {

    private static final int WAITING = Integer.getInteger("bench.waiting", 10_000);
    private static final int PRESSES = Integer.getInteger("bench.presses", 300);

    /** Presses the key in the page and answers the milliseconds until another sample is shown and painted. */
    private static final String TIME_ONE_PRESS = """
            const key = arguments[0], done = arguments[arguments.length - 1];
            const body = document.body, before = body.dataset.sampleId;
            const observer = new MutationObserver(() => {
              if (body.dataset.sampleId !== before) {
                observer.disconnect();
                requestAnimationFrame(() => done(performance.now() - start));
              }
            });
            observer.observe(body, {attributes: true, attributeFilter: ['data-sample-id']});
            const start = performance.now();
            document.dispatchEvent(new KeyboardEvent('keydown', {key, bubbles: true}));
            """;

    @TestHTTPResource("/review/")
    URL console;

    @Test
    void keyPressToNextSample() throws Exception {
        fill(WAITING);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                given().redirects().follow(false).when().get("/samples/bench-" + (WAITING - 1) + "/verdict").statusCode() == 200);

        try (Browser ana = new Browser()) {
            ana.open(console, "domain=bench");
            ana.signIn("ana", KafkaWithFeatureSet.ANA_PASSWORD);
            ana.awaitShown(id -> id.startsWith("bench-"));
            await().atMost(Duration.ofMinutes(2)).until(() -> Integer.parseInt(ana.find("waiting").getText()) >= WAITING);
            ana.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
            List<Double> millis = new ArrayList<>();
            for (int i = 0; i < PRESSES; i++) {
                Object took = ana.driver.executeAsyncScript(TIME_ONE_PRESS, i % 2 == 0 ? "a" : "q");
                millis.add(((Number) took).doubleValue());
            }
            millis.sort(Double::compare);
            double p50 = at(millis, 0.50), p95 = at(millis, 0.95), p99 = at(millis, 0.99);
            System.out.printf(Locale.ROOT, "%nReview console, %d samples waiting, %d rulings by key:%n"
                            + "  key press -> next sample shown (ms): p50 %.1f  p95 %.1f  p99 %.1f  max %.1f%n"
                            + "BENCH review_console waiting=%d presses=%d p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f target_p95_ms=150 %s%n",
                    WAITING, PRESSES, p50, p95, p99, millis.get(millis.size() - 1), WAITING, PRESSES, p50, p95, p99,
                    p95 <= 150 ? "MET" : "MISSED");
        }
    }

    /** N review verdicts on screening.review, as the stream writes them; the console's store fills from the topic. */
    private static void fill(int n) throws Exception {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaWithFeatureSet.broker.bootstrapServers());
        props.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        var serde = KafkaWithFeatureSet.serde(ScreenedSample.class);
        Instant start = Instant.now().minusSeconds(n);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < n; i++) {
                String id = "bench-" + i;
                TrainingSample chat = TestSamples.sample(id, i);
                TrainingSample sample = TestSamples.sample(id, "bench", chat.getMessages().get(0).getContent(),
                        chat.getMessages().get(1).getContent());
                Verdict verdict = Verdict.newBuilder().setDecision(Decision.REVIEW).setScore((i * 7919 % 1000) / 1000.0)
                        .setToxicMass(0).setThresholds(new Thresholds(0.0, 1.0)).setTopFeatures(List.of()).setTopTerms(List.of())
                        .setFeatureSetVersion(KafkaWithFeatureSet.featureSetVersion()).setEncoderId("bench").setSaeId("bench")
                        .setScreenedAt(start.plusSeconds(i)).setDecidedBy(DecisionSource.MODEL).setAnnotator(null)
                        .setReviewReason(null).setFlags(List.of()).build();
                producer.send(new ProducerRecord<>("screening.review", id,
                        serde.serializer().serialize("screening.review", new ScreenedSample(sample, verdict))));
            }
            producer.flush();
        }
    }

    private static double at(List<Double> sorted, double q) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(q * sorted.size()) - 1));
    }
}
