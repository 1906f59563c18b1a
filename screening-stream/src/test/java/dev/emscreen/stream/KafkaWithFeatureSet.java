package dev.emscreen.stream;

import dev.emscreen.kafka.junit.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** For @QuarkusTest: a real broker and a real (small) feature set, wired in through configuration. */
public class KafkaWithFeatureSet implements QuarkusTestResourceLifecycleManager {

    static final String REGISTRY = "mock://service-test";
    static volatile TestFeatureSets.Built featureSet;
    static volatile EmbeddedKafka broker;

    @Override
    public Map<String, String> start() {
        try {
            Path dir = Files.createTempDirectory("emscreen-service-test-");
            // Everything at or above -1 is reviewed and at or above 10 quarantined: routes are predictable.
            featureSet = TestFeatureSets.build(dir.resolve("set"), -1.0, 10.0);
            broker = EmbeddedKafka.start();
            return Map.of(
                    "quarkus.kafka-streams.bootstrap-servers", broker.bootstrapServers(),
                    "quarkus.kafka-streams.schema-registry-url", REGISTRY,
                    "emscreen.feature-set.path", featureSet.dir().toString(),
                    "emscreen.feature-set.cache-dir", dir.resolve("cache").toString(),
                    "emscreen.topics.partitions", "2",
                    "emscreen.batch.max-wait", "50ms",
                    "kafka-streams.state.dir", dir.resolve("state").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
