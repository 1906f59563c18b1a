package dev.emscreen.stream.featureset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.stream.TestFeatureSets;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeatureSetReadinessTest {

    @TempDir
    Path tmp;

    @Test
    void notReadyWithoutAFeatureSetAndSaysWhyThenReadyWithOne() {
        FeatureSetReadiness readiness = new FeatureSetReadiness();
        readiness.active = new ActiveFeatureSet();
        FeatureSetLoader loader = new FeatureSetLoader(readiness.active, tmp.resolve("cache"), Truncation.TRUNCATE, 3);

        HealthCheckResponse before = readiness.call();
        assertThat(before.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(before.getData().orElseThrow().get("reason").toString()).contains("no feature set loaded yet");

        assertThat(loader.loadPath(tmp.resolve("no-such-bundle"))).isFalse();
        HealthCheckResponse refused = readiness.call();
        assertThat(refused.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(refused.getData().orElseThrow().get("reason").toString())
                .contains("Refused feature set", "no-such-bundle", "still serving nothing");

        TestFeatureSets.Built built = TestFeatureSets.build(tmp.resolve("set"), 0.1, 0.2);
        assertThat(loader.loadPath(built.dir())).isTrue();
        HealthCheckResponse after = readiness.call();
        assertThat(after.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(after.getData().orElseThrow()).containsEntry("version", built.version());
        readiness.active.close();
    }
}
