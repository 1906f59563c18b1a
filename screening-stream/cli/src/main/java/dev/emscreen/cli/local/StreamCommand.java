package dev.emscreen.cli.local;

import dev.emscreen.cli.KafkaOptions;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./emscreen stream}: the screening service. With no broker given it starts the embedded
 * default, everything the tools need to feed it on their defaults: a broker on 9092, the registry
 * service (and its schema registry) on 8081, the stream on 8080 serving the default feature set.
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = "Run the screening service. With no --bootstrap: a local broker, the registry service and the stream, "
                + "so that import, decide, export and summary work with no options; Ctrl-C or SIGTERM stops all of it.")
public final class StreamCommand implements Callable<Integer> {

    @Option(names = "--bootstrap", description = "An existing broker; then only the stream is started.")
    String bootstrap;

    @Option(names = "--registry", description = "Schema registry URL (default: the registry service's, " + KafkaOptions.DEFAULT_REGISTRY + ").")
    String registry;

    @Option(names = "--registry-auth", description = "USER:SECRET for the schema registry (with --bootstrap).")
    String registryAuth;

    @Option(names = "--feature-set", description = "A bundle folder or .zip to serve from the start (default: the default set, built on first use).")
    Path featureSet;

    @Option(names = "--port", defaultValue = "8080", description = "The stream's HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--broker-port", defaultValue = "9092", description = "The local broker's port (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--registry-port", defaultValue = "8081", description = "The local registry service's port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Override
    public Integer call() throws Exception {
        try (LocalStack stack = new LocalStack(LocalStack.root(), LocalStack.home())) {
            ChildProcess stream = bootstrap != null ? streamOnly(stack) : embedded(stack);
            System.out.printf("%nScreening. Feed it: ./emscreen import --in FILE.jsonl; watch: ./emscreen summary --expect N; "
                    + "health and metrics: http://localhost:%d/q/health, /q/metrics. Ctrl-C stops everything.%n", httpPort);
            ReviewConsoleAddress.print(stack, httpPort);
            ChildProcess exited = stack.awaitAnyExit();
            if (stack.closing()) {
                return 0; // stopped by a signal: the shutdown hook is stopping the rest, in order
            }
            System.err.printf("emscreen stream: %s exited on its own; last lines of %s:%n%s%n", exited.name(), exited.log(),
                    exited.tail(20));
            return exited == stream ? 1 : 2;
        }
    }

    private ChildProcess streamOnly(LocalStack stack) throws Exception {
        Path logs = stack.stateDir().resolve("logs");
        String url = registry != null ? registry : KafkaOptions.DEFAULT_REGISTRY;
        // The tools' rule for credentials: given ones, else the local stack's when this is its registry.
        String auth = KafkaOptions.of(bootstrap, url, registryAuth).settings().registryAuth();
        ChildProcess stream = stack.startStream(new LocalStack.StreamSettings(bootstrap, url, auth, httpPort,
                stack.stateDir().resolve("streams"), featureSet, heap()), logs.resolve("stream.log"));
        System.out.printf("Screening stream against %s (schema registry %s), log %s%n", bootstrap, url, stream.log());
        stream.awaitHttp("http://localhost:" + httpPort + "/q/health/live", Duration.ofMinutes(5));
        return stream;
    }

    private ChildProcess embedded(LocalStack stack) throws Exception {
        PortCheck.requireFree(List.of(brokerPort, brokerPort + 1, registryPort, httpPort), "emscreen stream");
        Path home = stack.stateDir();
        Path logs = home.resolve("logs");
        Path served = featureSet != null ? featureSet : stack.defaultFeatureSet();
        String auth = stack.registryAuth();
        String kafka = "127.0.0.1:" + brokerPort;

        System.out.printf("[1/3] Kafka broker (KRaft) on %s, data in %s%n", kafka, home.resolve("kafka"));
        ChildProcess broker = stack.startBroker(brokerPort, home.resolve("kafka"), logs.resolve("broker.log"));
        broker.awaitPort(brokerPort, Duration.ofSeconds(90));

        String registryUrl = "http://localhost:" + registryPort;
        System.out.printf("[2/3] registry service and its schema registry on %s (/ccompat); credentials in %s%n", registryUrl,
                home.resolve("local/registry-auth"));
        ChildProcess registryService = stack.startRegistry(kafka, registryPort, LocalStack.token(auth), home.resolve("registry"),
                logs.resolve("registry.log"));
        registryService.awaitHttp(registryUrl + "/q/health/ready", Duration.ofMinutes(3));

        System.out.printf("[3/3] screening stream on http://localhost:%d serving %s%n", httpPort, served);
        ChildProcess stream = stack.startStream(new LocalStack.StreamSettings(kafka, registryUrl + "/ccompat", auth, httpPort,
                home.resolve("streams"), served, heap()), logs.resolve("stream.log"));
        stream.awaitHttp("http://localhost:" + httpPort + "/q/health/ready", Duration.ofMinutes(5));
        return stream;
    }

    private static String heap() {
        return "-Xmx" + System.getProperty("emscreen.stream.heap", "3g");
    }
}
