package dev.emscreen.faults;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scenario's own installation on loopback: a KRaft broker, the registry service (whose journaled
 * in-memory schema registry every process shares, so schema ids survive a stream's restart) and one
 * screening stream. Fresh data, state and ports for every scenario.
 */
final class Cluster implements AutoCloseable {

    static final String TOKEN = "fault-suite-token";

    final Path root;
    final Path dir;
    final int kafkaPort;
    final int registryPort;
    final int streamPort;
    private final Service broker;
    private Service registry;
    private Service stream;

    Cluster(Path root, Path dir) throws IOException {
        this.root = root;
        this.dir = dir;
        this.kafkaPort = freePort();
        this.registryPort = freePort();
        this.streamPort = freePort();
        int controllerPort = freePort();
        broker = new Service("broker", List.of(root.resolve("deploy/kafka-local/kafka-local.sh").toString(), "--port",
                Integer.toString(kafkaPort), "--controller-port", Integer.toString(controllerPort), "--data",
                dir.resolve("kafka").toString()), dir.resolve("logs/broker.log"));
    }

    String bootstrap() {
        return "127.0.0.1:" + kafkaPort;
    }

    String registryUrl() {
        return "http://localhost:" + registryPort;
    }

    String streamUrl() {
        return "http://localhost:" + streamPort;
    }

    /** Client settings of the tools' side: broker, the shared schema registry, its write credentials. */
    Map<String, Object> clientConfig() {
        return Map.of("bootstrap.servers", bootstrap(), "schema.registry.url", registryUrl() + "/ccompat",
                "basic.auth.credentials.source", "USER_INFO", "basic.auth.user.info", "faults:" + TOKEN);
    }

    void startBroker() throws Exception {
        broker.start().awaitPort(kafkaPort, Duration.ofSeconds(90));
    }

    void stopBroker() throws InterruptedException {
        broker.stop();
    }

    void startRegistry() throws Exception {
        registry = new Service("registry", List.of("java", "-Xmx512m", "-Dai.djl.offline=true",
                "-Dkafka.bootstrap.servers=" + bootstrap(), "-Demscreen.registry.token=" + TOKEN,
                "-Dquarkus.http.port=" + registryPort, "-Demscreen.registry.artifact-dir=" + dir.resolve("registry/artifacts"),
                "-Demscreen.registry.schema-journal=" + dir.resolve("registry/schemas.jsonl"), "-jar",
                root.resolve("feature-registry/service/target/quarkus-app/quarkus-run.jar").toString()),
                dir.resolve("logs/registry.log")).start();
        registry.awaitHttp(registryUrl() + "/q/health/ready", Duration.ofSeconds(120));
    }

    void stopRegistry() throws InterruptedException {
        if (registry != null) {
            registry.stop();
        }
    }

    /** Starts the stream (serving {@code featureSet} from start when given) and waits until it is live. */
    Service startStream(Path featureSet, String... extraOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-Xmx2g",
                "-Dquarkus.kafka-streams.bootstrap-servers=" + bootstrap(),
                "-Dquarkus.kafka-streams.schema-registry-url=" + registryUrl() + "/ccompat",
                "-Dkafka-streams.basic.auth.credentials.source=USER_INFO",
                "-Dkafka-streams.basic.auth.user.info=stream:" + TOKEN,
                "-Dquarkus.http.port=" + streamPort, "-Dai.djl.offline=true",
                "-Dkafka-streams.state.dir=" + dir.resolve("streams"),
                "-Demscreen.feature-set.cache-dir=" + dir.resolve("feature-set-cache")));
        if (featureSet != null) {
            command.add("-Demscreen.feature-set.path=" + featureSet.toAbsolutePath());
        }
        command.addAll(List.of(extraOptions));
        command.addAll(List.of("-jar", root.resolve("screening-stream/target/quarkus-app/quarkus-run.jar").toString()));
        stream = new Service("stream", command, dir.resolve("logs/stream.log")).start();
        stream.awaitHttp(streamUrl() + "/q/health/live", Duration.ofSeconds(180));
        return stream;
    }

    Service stream() {
        return stream;
    }

    @Override
    public void close() throws Exception {
        if (stream != null) {
            stream.stop();
        }
        stopRegistry();
        broker.stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
