package dev.emscreen.kafka.junit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real Apache Kafka broker (KRaft, broker and controller combined) started in-process for a test
 * class, on a free port, with its data in a temporary directory that is removed afterwards.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();
 * ... KAFKA.bootstrapServers() ...
 * }</pre>
 *
 * It uses Kafka's own test kit (the broker Kafka tests itself with), ready in a few seconds.
 */
public final class KafkaBrokerExtension implements BeforeAllCallback, AfterAllCallback {

    private KafkaClusterTestKit cluster;
    private Path dataDirectory;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDirectory = Files.createTempDirectory("emscreen-kafka-");
        TestKitNodes nodes = new TestKitNodes.Builder()
                .setCombined(true)
                .setNumBrokerNodes(1)
                .setNumControllerNodes(1)
                .setBaseDirectory(dataDirectory)
                .build();
        cluster = new KafkaClusterTestKit.Builder(nodes)
                // One broker: internal topics get one replica, and exactly-once works with min ISR 1.
                .setConfigProp("offsets.topic.replication.factor", "1")
                .setConfigProp("transaction.state.log.replication.factor", "1")
                .setConfigProp("transaction.state.log.min.isr", "1")
                .setConfigProp("group.initial.rebalance.delay.ms", "0")
                .setDeleteOnClose(true)
                .build();
        cluster.format();
        cluster.startup();
        cluster.waitForReadyBrokers();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (cluster != null) {
                cluster.close();
            }
        } finally {
            deleteRecursively(dataDirectory);
        }
    }

    public String bootstrapServers() {
        if (cluster == null) {
            throw new IllegalStateException("The broker is not running: register the extension as a static field");
        }
        return cluster.bootstrapServers();
    }

    /** Where the broker keeps its data while it runs; gone after the test class. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    public Admin admin() {
        return Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()));
    }

    /** Creates topics of {@code partitions} partitions each and waits until they exist. */
    public void createTopics(int partitions, String... names) {
        try (Admin admin = admin()) {
            List<NewTopic> topics = Stream.of(names).map(name -> new NewTopic(name, partitions, (short) 1)).toList();
            admin.createTopics(topics).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("Cannot create topics " + List.of(names) + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Client properties with the bootstrap address filled in. */
    public Properties clientProperties() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        return properties;
    }

    private static void deleteRecursively(Path root) {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.deleteIfExists(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
