package dev.emscreen.registry;

import dev.emscreen.kafka.junit.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.nio.file.Files;
import java.util.Map;

/**
 * A real broker and a fresh artifact folder for the registry's @QuarkusTest. No fixed ports: the
 * broker listens on sockets its test kit binds to ports the OS assigns and hands over bound, the
 * service on the port Quarkus gets from the OS (quarkus.http.test-port=0), and with no public URL
 * set the feed announces bundles at the address the upload reached, so streams find that port.
 */
public class KafkaForRegistry implements QuarkusTestResourceLifecycleManager {

    static final String TOKEN = "registry-test-token";
    static volatile EmbeddedKafka broker;
    static volatile java.nio.file.Path artifacts;
    static volatile java.nio.file.Path journal;

    @Override
    public Map<String, String> start() {
        try {
            java.nio.file.Path home = Files.createTempDirectory("emscreen-registry-");
            artifacts = Files.createDirectories(home.resolve("artifacts"));
            journal = home.resolve("schemas.jsonl");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        broker = EmbeddedKafka.start();
        return Map.of("kafka.bootstrap.servers", broker.bootstrapServers(),
                "kafka.schema.registry.url", "mock://registry-test",
                "emscreen.registry.token", TOKEN,
                "emscreen.registry.artifact-dir", artifacts.toString(),
                "emscreen.registry.schema-journal", journal.toString(),
                "emscreen.registry.max-upload-bytes", "2000000",
                "quarkus.http.test-port", "0");
    }

    @Override
    public void stop() {
        if (broker != null) {
            broker.close();
        }
    }
}
