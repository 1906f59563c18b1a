package dev.emscreen.registry;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
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
class TrainerPublishesTest {

    private static final String URL = "http://localhost:18381";

    @TempDir
    Path tmp;

    @Test
    void aCandidateIsPromotedOnlyWhenItBeatsTheActiveSetOnTheSameValidationSamples() throws Exception {
        // Given a weak active set: an SAE of 32 features trained on six sentences, one toxic feature.
        Path weak = MiniLmBundles.zip(tmp, "weak", 0.3, 0.6);
        String weakVersion = given().header("Authorization", "Bearer " + KafkaForRegistry.TOKEN).contentType("application/zip")
                .body(Files.readAllBytes(weak)).when().post("/versions").then().statusCode(201).extract().path("version");
        given().header("Authorization", "Bearer " + KafkaForRegistry.TOKEN).when().post("/versions/" + weakVersion + "/promote")
                .then().statusCode(200);

        // When the trainer builds a real set from the seed data and publishes it
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
    void promoteIfBetterWithoutARegistryIsAUsageError() {
        assertThat(run("train", "--out", tmp.resolve("x").toString(), "--promote-if-better")).contains("needs --publish URL");
    }

    private String train(String name) {
        return run("train", "--out", tmp.resolve(name).toString(), "--sae-width", "256", "--k", "8", "--epochs", "4",
                "--toxic", "30", "--publish", URL, "--token", KafkaForRegistry.TOKEN, "--promote-if-better");
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
