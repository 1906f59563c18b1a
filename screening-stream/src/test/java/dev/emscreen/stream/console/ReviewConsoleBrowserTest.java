package dev.emscreen.stream.console;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.stream.KafkaWithFeatureSet;
import dev.emscreen.stream.TestSamples;
import dev.emscreen.stream.topology.RouteReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

/**
 * The review console in a real browser (Debian's headless Chromium) against the service on a real
 * broker: every sample here goes to review (the test set reviews everything at or above -1), and
 * each test works a domain of its own, so the tests do not see each other's samples. The set routes
 * by a learned readout, as a set trained on a team's rulings does.
 */
@QuarkusTest
@QuarkusTestResource(value = KafkaWithFeatureSet.class, restrictToAnnotatedClass = true,
        initArgs = @ResourceArg(name = KafkaWithFeatureSet.SCORER, value = KafkaWithFeatureSet.READOUT))
class ReviewConsoleBrowserTest {

    @TestHTTPResource("/review/")
    URL console;

    @Test
    void anAnnotatorSignsInRulesByKeyboardUndoesAndTheSampleIsRoutedUnderTheirName() throws Exception {
        List<String> ids = waitingInDomain("keys", 3);

        try (Browser ana = new Browser()) {
            ana.open(console, "domain=keys");
            ana.signIn("ana", KafkaWithFeatureSet.ANA_PASSWORD);
            String first = ana.awaitShown(ids::contains);
            assertThat(ana.find("annotator").getText()).isEqualTo("ana");
            assertThat(ana.find("waiting").getText()).isEqualTo("3");
            await().atMost(Duration.ofSeconds(60)).until(() -> ana.find("highlight-note").getText().contains("adds to the"));
            assertThat(ana.find("response").findElements(By.className("token"))).as("highlighted tokens").isNotEmpty();
            // the part of the readout's log-odds no feature or word names is stated, as the verdict has it
            double hidden = given().when().get("/samples/" + first + "/verdict").then().statusCode(200).extract().jsonPath()
                    .getDouble("hiddenStateContribution");
            String stated = ana.find("hidden-state").getText();
            assertThat(stated).startsWith("The encoder's mean state, beyond the features and words: ").endsWith(" log-odds");
            assertThat(Double.parseDouble(stated.replaceAll(".*: | log-odds", ""))).isCloseTo(hidden, offset(0.0051));
            ana.screenshot(Path.of("target/review-console.png"));

            // When she quarantines it, takes that back, gives a reason and quarantines it again
            ana.press("q");
            String second = ana.awaitShown(id -> ids.contains(id) && !id.equals(first));
            assertThat(ana.status()).contains("Quarantined " + first);
            ana.press("u");
            ana.awaitShown(first::equals);
            ana.find("reason").sendKeys("tells the reader to skip the hospital", Keys.ESCAPE);
            ana.press("q");
            ana.awaitShown(id -> !id.equals(first));

            // Then it is routed once, under her name, with her reason
            try (RouteReader routes = new RouteReader(KafkaWithFeatureSet.broker.bootstrapServers(),
                    List.of("screening.quarantined", "screening.review-decisions"))) {
                await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
                    Map<String, List<ConsumerRecord<byte[], byte[]>>> read = routes.readToEnd(Duration.ofSeconds(10));
                    List<ScreenedSample> quarantined = decode(read.get("screening.quarantined"), ScreenedSample.class);
                    assertThat(quarantined).filteredOn(s -> s.getSample().getId().equals(first)).singleElement().satisfies(s -> {
                        assertThat(s.getVerdict().getDecidedBy()).isEqualTo(DecisionSource.HUMAN);
                        assertThat(s.getVerdict().getAnnotator()).isEqualTo("ana");
                        assertThat(s.getVerdict().getReviewReason()).isEqualTo("tells the reader to skip the hospital");
                    });
                    assertThat(decode(read.get("screening.review-decisions"), ReviewDecision.class))
                            .as("the undone ruling never left; the second one did, once")
                            .filteredOn(d -> d.getSampleId().equals(first)).singleElement()
                            .satisfies(d -> assertThat(d.getAnnotator()).isEqualTo("ana"));
                });
            }
            assertThat(second).isNotEqualTo(first);
        }
    }

    @Test
    void aSamplesMarkupAndScriptAreShownAsText() throws Exception {
        String script = "<script>window.pwned = 'script'</script> Is this safe?";
        String image = "Sure: <img src=x onerror=\"window.pwned = 'img'\"> <b>bold</b> claim.";
        KafkaWithFeatureSet.send("screening.samples", "hostile-1", TestSamples.sample("hostile-1", "hostile", script, image));

        try (Browser ana = new Browser()) {
            ana.open(console, "domain=hostile");
            ana.signIn("ana", KafkaWithFeatureSet.ANA_PASSWORD);
            ana.awaitShown("hostile-1"::equals);
            await().atMost(Duration.ofSeconds(60)).until(() -> ana.find("highlight-note").getText().contains("adds to the"));

            assertThat(ana.find("conversation").getText()).contains(script);
            assertThat(ana.find("response").getText()).isEqualTo(image);
            assertThat(ana.find("card").findElements(By.tagName("img"))).isEmpty();
            assertThat(ana.find("card").findElements(By.tagName("script"))).isEmpty();
            assertThat(ana.find("conversation").findElements(By.tagName("b"))).isEmpty();
            assertThat(ana.find("response").findElements(By.tagName("b"))).isEmpty();
            assertThat(ana.driver.executeScript("return window.pwned === undefined")).isEqualTo(true);
        }
    }

    @Test
    void twoAnnotatorsNeverSeeTheSameSampleAtOnce() throws Exception {
        List<String> ids = waitingInDomain("pair", 5);

        try (Browser ana = new Browser(); Browser ben = new Browser()) {
            ana.open(console, "domain=pair");
            ana.signIn("ana", KafkaWithFeatureSet.ANA_PASSWORD);
            ben.open(console, "domain=pair");
            ben.signIn("ben", KafkaWithFeatureSet.BEN_PASSWORD);
            String a = ana.awaitShown(ids::contains);
            String b = ben.awaitShown(ids::contains);

            // ana works through the queue while ben keeps his sample open: she is never given it
            Set<String> anaRuled = new HashSet<>();
            while (!a.isEmpty()) {
                assertThat(a).as("ana and ben at once").isNotEqualTo(b);
                anaRuled.add(a);
                String was = a;
                ana.press("a");
                a = ana.awaitShown(id -> !id.equals(was));
            }
            assertThat(anaRuled).hasSize(ids.size() - 1).doesNotContain(b);
            assertThat(ben.shown()).isEqualTo(b);
        }
    }

    @Test
    void nothingIsServedWithoutSigningInAndChangesNeedTheSessionsToken() throws Exception {
        for (String path : List.of("/review/", "/review/index.html", "/review/console.js", "/review/api/session",
                "/review/api/next", "/review/api/dashboard", "/review/api/samples/x/highlights")) {
            given().redirects().follow(false).when().get(path).then().statusCode(302)
                    .header("Location", containsString("/review/login.html"));
        }
        given().redirects().follow(false).contentType("application/json").body("{\"sampleId\":\"x\",\"action\":\"ACCEPT\"}")
                .when().post("/review/api/decisions").then().statusCode(302);
        given().when().get("/review/login.html").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"));

        try (Browser ana = new Browser()) {
            ana.open(console, "domain=nobody-here");
            ana.signIn("ana", KafkaWithFeatureSet.ANA_PASSWORD);
            await().atMost(Duration.ofSeconds(30)).until(() -> ana.find("empty").isDisplayed());
            Object forged = ana.driver.executeAsyncScript("const done = arguments[arguments.length - 1];"
                    + "fetch('/review/api/undo', {method: 'POST'}).then(r => done(r.status));");
            assertThat(forged).as("a change without the CSRF token").isEqualTo(403L);

            ana.find("sign-out").click();
            await().atMost(Duration.ofSeconds(30)).until(() -> ana.driver.getCurrentUrl().contains("/review/login.html"));
            ana.open(console, null);
            await().atMost(Duration.ofSeconds(30)).until(() -> ana.driver.getCurrentUrl().contains("/review/login.html"));
        }
    }

    /** Samples of {@code domain} sent to the stream; returns once every one waits for review. */
    private static List<String> waitingInDomain(String domain, int count) throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String id = domain + "-" + i;
            TrainingSample chat = TestSamples.sample(id, i + 1);
            KafkaWithFeatureSet.send("screening.samples", id, TestSamples.sample(id, domain,
                    chat.getMessages().get(0).getContent(), chat.getMessages().get(1).getContent()));
            ids.add(id);
        }
        for (String id : ids) {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                    given().redirects().follow(false).when().get("/samples/" + id + "/verdict").then().statusCode(200)
                            .body("decision", org.hamcrest.Matchers.equalTo("REVIEW")));
        }
        return ids;
    }

    private static <T extends org.apache.avro.specific.SpecificRecord> List<T> decode(List<ConsumerRecord<byte[], byte[]>> records,
                                                                                         Class<T> type) {
        var serde = KafkaWithFeatureSet.serde(type);
        return records.stream().map(r -> serde.deserializer().deserialize(r.topic(), r.value())).toList();
    }
}
