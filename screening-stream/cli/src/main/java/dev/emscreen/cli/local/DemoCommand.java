package dev.emscreen.cli.local;

import dev.emscreen.cli.ExportCommand;
import dev.emscreen.cli.ImportCommand;
import dev.emscreen.cli.SummaryCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ./emscreen demo}: the whole product start to end on ports of its own (so that it runs beside
 * a {@code ./emscreen stream}): broker, registry service, stream, the default feature set published
 * and promoted, the demo stream imported, and every sample awaited and summarised. The broker's data
 * and the registry's store are fresh on every run, so the summary adds up to this run's input.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "The whole product on one machine, start to end, then shut down.")
public final class DemoCommand implements Callable<Integer> {

    @Option(names = "--broker-port", defaultValue = "19092", description = "Broker port (default: ${DEFAULT-VALUE}).")
    int brokerPort;

    @Option(names = "--registry-port", defaultValue = "18081", description = "Registry service port (default: ${DEFAULT-VALUE}).")
    int registryPort;

    @Option(names = "--port", defaultValue = "18080", description = "The stream's HTTP port (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--in", description = "Samples to import (default: deploy/demo/stream.jsonl).")
    Path input;

    @Option(names = "--keep", description = "Leave it running afterwards (the review console with the demo's samples to "
            + "review, the verdict API, metrics) until Ctrl-C.")
    boolean keep;

    @Override
    public Integer call() throws Exception {
        long started = System.nanoTime();
        Path root = LocalStack.root();
        Path in = input != null ? input : root.resolve("deploy/demo/stream.jsonl");
        PortCheck.requireFree(List.of(brokerPort, brokerPort + 1, registryPort, httpPort), "emscreen demo");
        try (LocalStack stack = new LocalStack(root, LocalStack.home())) {
            Path demo = stack.stateDir().resolve("demo");
            Path featureSet = stack.defaultFeatureSet();
            LocalStack.deleteRecursively(demo);
            Files.createDirectories(demo.resolve("logs"));
            String token = "demo-token-" + ProcessHandle.current().pid();
            String auth = "demo:" + token;
            String bootstrap = "127.0.0.1:" + brokerPort;
            String registryUrl = "http://localhost:" + registryPort;

            System.out.println("[1/6] Kafka broker (KRaft) on " + bootstrap);
            stack.startBroker(brokerPort, demo.resolve("kafka"), demo.resolve("logs/broker.log"))
                    .awaitPort(brokerPort, Duration.ofSeconds(90));

            System.out.println("[2/6] registry service and its in-memory schema registry on " + registryUrl);
            stack.startRegistry(bootstrap, registryPort, token, demo.resolve("registry"), demo.resolve("logs/registry.log"))
                    .awaitHttp(registryUrl + "/q/health/ready", Duration.ofMinutes(3));

            System.out.println("[3/6] screening stream on http://localhost:" + httpPort + " (no feature set yet: it waits, not ready)");
            ReviewConsoleAddress.print(stack, httpPort);
            ChildProcess stream = stack.startStream(new LocalStack.StreamSettings(bootstrap, registryUrl + "/ccompat", auth, httpPort,
                    demo.resolve("streams"), null, "-Xmx2g"), demo.resolve("logs/stream.log"));
            stream.awaitHttp("http://localhost:" + httpPort + "/q/health/live", Duration.ofMinutes(3));

            System.out.println("[4/6] publishing the default feature set (" + featureSet + ") and promoting it");
            int published = stack.trainer(List.of("publish", "--feature-set", featureSet.toString(), "--to", registryUrl,
                    "--token", token, "--promote"), "-Xmx1g");
            if (published != 0) {
                System.err.println("emscreen demo: publishing the feature set failed (exit " + published + ")");
                return published;
            }
            stream.awaitHttp("http://localhost:" + httpPort + "/q/health/ready", Duration.ofMinutes(5));
            System.out.println("      the stream serves it: " + serving(stream.log()));

            long n = Files.readAllLines(in).stream().filter(l -> !l.isBlank()).count();
            List<String> kafka = List.of("--bootstrap", bootstrap, "--registry", registryUrl + "/ccompat", "--registry-auth", auth);
            System.out.printf("[5/6] importing %d held-back seed samples (%s)%n", n, in);
            run(new ImportCommand(), kafka, "--in", in.toString());

            System.out.printf("[6/6] waiting until all %d are routed%n", n);
            int status = run(new SummaryCommand(), kafka, "--expect", Long.toString(n), "--timeout", "PT10M",
                    "--report", featureSet.resolve("report/index.html").toString());
            System.out.println();
            System.out.print("Fine-tuning data (chat format): ");
            run(new ExportCommand(), kafka, "--route", "accepted", "--out", demo.resolve("accepted.jsonl").toString());
            if (keep) {
                System.out.printf("%nDemo ready in %d s and left running: work its review queue in the console,%n",
                        Duration.ofNanos(System.nanoTime() - started).toSeconds());
                ReviewConsoleAddress.print(stack, httpPort);
                System.out.printf("and feed it more with ./emscreen import --in FILE.jsonl %s. Ctrl-C stops everything.%n",
                        String.join(" ", kafka));
                ChildProcess exited = stack.awaitAnyExit();
                if (stack.closing()) {
                    return status;
                }
                System.err.printf("emscreen demo: %s exited on its own; last lines of %s:%n%s%n", exited.name(), exited.log(),
                        exited.tail(20));
                return 1;
            }
            System.out.printf("%nDemo finished in %d s. To keep it running and explore (the review console too): "
                    + "./emscreen demo --keep, or ./emscreen stream and then ./emscreen import, summary, decide, export with "
                    + "no options (see README, \"Try it end to end\").%n", Duration.ofNanos(System.nanoTime() - started).toSeconds());
            return status;
        }
    }

    private static int run(Object command, List<String> kafka, String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.addAll(kafka);
        return new CommandLine(command).setCaseInsensitiveEnumValuesAllowed(true).execute(all.toArray(String[]::new));
    }

    private static final Pattern SERVING = Pattern.compile("Feature set .* now serving[^;]*");

    private static String serving(Path log) throws java.io.IOException {
        Matcher last = null;
        for (String line : Files.readAllLines(log)) {
            Matcher m = SERVING.matcher(line);
            if (m.find()) {
                last = m;
            }
        }
        return last == null ? "(see " + log + ")" : last.group();
    }
}
