package dev.emscreen.stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.emscreen.records.ReviewAction;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.TrainingSample;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The service as deployed: Quarkus, a real broker, HTTP endpoints for verdicts, health and metrics. */
@QuarkusTest
@QuarkusTestResource(value = KafkaWithFeatureSet.class, restrictToAnnotatedClass = true)
class ScreeningServiceTest {

    @Test
    void screensAndAnswersForEachSampleThenTakesTheAnnotatorsWord() throws Exception {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'feature-set' }.data.version", equalTo(KafkaWithFeatureSet.featureSet.version()));

        TrainingSample sample = TestSamples.sample("service-1", 3);
        KafkaWithFeatureSet.send("screening.samples", "service-1", sample);

        awaitVerdict("service-1", "REVIEW");
        given().when().get("/samples/service-1/verdict").then().statusCode(200)
                .body("decidedBy", equalTo("MODEL"))
                .body("featureSetVersion", equalTo(KafkaWithFeatureSet.featureSet.version()))
                .body("topFeatures.size()", equalTo(5));

        ReviewDecision decision = new ReviewDecision("service-1", ReviewAction.QUARANTINE, "ana", "dangerous advice",
                Instant.now());
        KafkaWithFeatureSet.send("screening.review-decisions", "service-1", decision);

        awaitVerdict("service-1", "QUARANTINED");
        given().when().get("/samples/service-1/verdict").then().statusCode(200)
                .body("decidedBy", equalTo("HUMAN")).body("annotator", equalTo("ana"))
                .body("reviewReason", equalTo("dangerous advice"));
    }

    @Test
    void anUnknownSampleIsANotFoundWithAReason() {
        given().when().get("/samples/never-sent/verdict").then().statusCode(404)
                .body("error", equalTo("no verdict for sample 'never-sent' (not screened yet, or unknown)"));
    }

    @Test
    void metricsShowRoutesTheServingSetAndConsumerLag() throws Exception {
        KafkaWithFeatureSet.send("screening.samples", "metrics-1", TestSamples.sample("metrics-1", 1));
        awaitVerdict("metrics-1", "REVIEW");

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("emscreen_records_total\\{route=\"review\"\\} [1-9]")
                .contains("emscreen_feature_set_active{version=\"" + KafkaWithFeatureSet.featureSet.version() + "\"} 1.0")
                .contains("emscreen_encoder_latency_seconds_count", "emscreen_sae_latency_seconds_count",
                        "emscreen_batch_size_count", "emscreen_score_shifted_bucket", "emscreen_dlq_total{reason=\"UNDECODABLE\"}")
                .contains("records_lag")
                // where each stage runs (this machine has no GPU)
                .contains("emscreen_stage_device{device=\"cpu\",stage=\"encoder\"} 1.0",
                        "emscreen_stage_device{device=\"cpu\",stage=\"sae\"} 1.0");
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'feature-set' }.data.encoderDevice", equalTo("cpu"))
                .body("checks.find { it.name == 'feature-set' }.data.saeDevice", equalTo("cpu"));
        given().when().get("/q/health/live").then().statusCode(200).body("checks.name", hasItem("Kafka Streams state health check"));
    }

    /** Until the verdict endpoint answers {@code decision} for the sample; a failure names the last answer. */
    private static void awaitVerdict(String id, String decision) {
        // In the test's thread: RestAssured is set up for it, with Quarkus' class loader.
        await().pollInSameThread().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            var response = given().redirects().follow(false).when().get("/samples/" + id + "/verdict");
            assertThat(response.statusCode()).as(response.body().asString()).isEqualTo(200);
            assertThat(response.jsonPath().getString("decision")).as("decision of " + id).isEqualTo(decision);
        });
    }
}
