package dev.emscreen.cli.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * The product's parts as processes on this machine, started from the project's builds: a broker, the
 * registry service (which also serves the schema registry the stream and the tools share), the
 * screening stream, and the trainer as a job. Closing the stack (also on SIGTERM and Ctrl-C, through
 * a shutdown hook) stops what it started, last started first, each awaited, so nothing outlives it.
 */
public final class LocalStack implements AutoCloseable {

    /** The registry user name the local stack's credentials carry; the registry checks only the secret. */
    static final String REGISTRY_USER = "emscreen";

    private final Path root;
    private final Path home;
    private final List<ChildProcess> started = new ArrayList<>();
    private volatile boolean closed;

    public LocalStack(Path root, Path home) {
        this.root = root;
        this.home = home;
        Runtime.getRuntime().addShutdownHook(new Thread(this::close, "emscreen-local-stack-stop"));
    }

    /** Where the project lives: the launcher says so with -Demscreen.root. */
    public static Path root() {
        return Path.of(System.getProperty("emscreen.root", ".")).toAbsolutePath().normalize();
    }

    /** Local state (broker data, registry store, credentials): -Demscreen.home, else $EMSCREEN_HOME, else .emscreen. */
    public static Path home() {
        String configured = System.getProperty("emscreen.home", System.getenv("EMSCREEN_HOME"));
        return Path.of(configured != null && !configured.isBlank() ? configured : ".emscreen").toAbsolutePath().normalize();
    }

    /** USER:SECRET for the registry the local stack of {@code home} runs, if it ever ran. */
    public static Optional<String> savedRegistryAuth(Path home) {
        Path file = credentialsFile(home);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The local registry's credentials, created on first use and kept (owner-readable only) for the tools. */
    String registryAuth() throws IOException {
        Optional<String> saved = savedRegistryAuth(home);
        if (saved.isPresent()) {
            return saved.get();
        }
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String auth = REGISTRY_USER + ":" + HexFormat.of().formatHex(secret);
        writePrivate(credentialsFile(home), auth + "\n");
        return auth;
    }

    static String token(String auth) {
        return auth.substring(auth.indexOf(':') + 1);
    }

    /** Whether this stack created the annotators file (its password has not been shown anywhere yet). */
    private volatile boolean annotatorsCreated;

    boolean annotatorsCreated() {
        return annotatorsCreated;
    }

    /** The review console's default annotator, created with the first local stack. */
    static final String FIRST_ANNOTATOR = "annotator";

    /**
     * The review console's annotators, name to password: {@code local/annotators.properties}, created
     * on first use with one annotator and a random password (owner-readable only). A team adds a line
     * per person.
     */
    Map<String, String> annotators() throws IOException {
        Path file = annotatorsFile();
        if (!Files.isRegularFile(file)) {
            annotatorsCreated = true;
            byte[] secret = new byte[9];
            new SecureRandom().nextBytes(secret);
            writePrivate(file, "# The review console's annotators: one name=password per line (./emscreen stream reads it on start).\n"
                    + FIRST_ANNOTATOR + "=" + HexFormat.of().formatHex(secret) + "\n");
        }
        Properties read = new Properties();
        try (var in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            read.load(in);
        }
        Map<String, String> annotators = new TreeMap<>();
        for (String name : read.stringPropertyNames()) {
            if (!name.matches("[A-Za-z0-9._@-]{1,64}")) {
                throw new IllegalArgumentException(file + ": annotator name '" + name
                        + "' must be 1-64 letters, digits or . _ @ -");
            }
            annotators.put(name, read.getProperty(name));
        }
        return annotators;
    }

    Path annotatorsFile() {
        return home.resolve("local").resolve("annotators.properties");
    }

    /** The annotators as the stream's configuration, in a file of its own (not on the command line, where ps shows it). */
    private Path consoleConfig() throws IOException {
        Properties config = new Properties();
        annotators().forEach((name, password) -> {
            config.setProperty("quarkus.security.users.embedded.users." + name, password);
            config.setProperty("quarkus.security.users.embedded.roles." + name, "annotator");
        });
        java.io.StringWriter text = new java.io.StringWriter();
        config.store(text, "Written by ./emscreen from local/annotators.properties on every start.");
        Path file = home.resolve("local").resolve("review-console.properties");
        writePrivate(file, text.toString());
        return file;
    }

    private static void writePrivate(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static Path credentialsFile(Path home) {
        return home.resolve("local").resolve("registry-auth");
    }

    Path stateDir() {
        return home;
    }

    ChildProcess startBroker(int port, Path data, Path log) throws IOException {
        return start("the Kafka broker", List.of(root.resolve("deploy/kafka-local/kafka-local.sh").toString(), "--port",
                Integer.toString(port), "--data", data.toString()), log);
    }

    ChildProcess startRegistry(String bootstrap, int port, String token, Path store, Path log) throws IOException {
        return start("the registry service", List.of(java(), "-Xmx768m", "-Dai.djl.offline=true",
                "-Dkafka.bootstrap.servers=" + bootstrap, "-Demscreen.registry.token=" + token, "-Dquarkus.http.port=" + port,
                "-Demscreen.registry.artifact-dir=" + store.resolve("artifacts"),
                "-Demscreen.registry.schema-journal=" + store.resolve("schemas.jsonl"),
                "-jar", root.resolve("feature-registry/service/target/quarkus-app/quarkus-run.jar").toString()), log);
    }

    ChildProcess startStream(StreamSettings s, Path log) throws IOException {
        List<String> command = new ArrayList<>(List.of(java(), s.heap(), "-Dai.djl.offline=true",
                "-Dquarkus.kafka-streams.bootstrap-servers=" + s.bootstrap(),
                "-Dquarkus.kafka-streams.schema-registry-url=" + s.registry(), "-Dquarkus.http.port=" + s.httpPort(),
                "-Dkafka-streams.state.dir=" + s.stateDir(), "-Dquarkus.config.locations=" + consoleConfig().toUri()));
        if (s.registryAuth() != null) {
            command.add("-Dkafka-streams.basic.auth.credentials.source=USER_INFO");
            command.add("-Dkafka-streams.basic.auth.user.info=" + s.registryAuth());
        }
        if (s.featureSet() != null) {
            command.add("-Demscreen.feature-set.path=" + s.featureSet().toAbsolutePath());
        }
        // Topic names set for the tools as properties reach the stream too: one topic configuration for both.
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith("emscreen.topics."))
                .forEach(k -> command.add("-D" + k + "=" + System.getProperty(k)));
        command.addAll(List.of("-jar", root.resolve("screening-stream/target/quarkus-app/quarkus-run.jar").toString()));
        return start("the screening stream", command, log);
    }

    /** What the stream process is told; {@code registryAuth} and {@code featureSet} may be null. */
    record StreamSettings(String bootstrap, String registry, String registryAuth, int httpPort, Path stateDir, Path featureSet,
                          String heap) {
    }

    /**
     * The feature set the embedded default serves: built from the shipped seed corpus by the trainer on
     * first use (about 8 minutes on 2 cores), then reused until the default recipe changes
     * ({@link DefaultFeatureSet}); an outdated set is kept beside the new one.
     */
    Path defaultFeatureSet() throws IOException, InterruptedException {
        DefaultFeatureSet set = DefaultFeatureSet.of(root, home);
        Optional<String> outdated = set.outdated();
        if (outdated.isPresent()) {
            Path kept = set.setAside();
            System.out.println("The default feature set in " + set.dir() + " was " + outdated.get() + "; rebuilding it, the former set kept in " + kept);
        }
        if (!set.built()) {
            System.out.println("Building the default feature set in " + set.dir() + " (about 8 minutes on 2 cores; reused afterwards)...");
            int exit = trainer(List.of("train", "--out", set.dir().toString()), "-Xmx4g");
            if (exit != 0) {
                throw new IllegalStateException("the trainer could not build the default feature set (exit " + exit + ")");
            }
            set.recordBuilt();
        }
        return set.dir();
    }

    /** Deletes {@code path} and everything under it; nothing if it is not there. */
    static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** Runs a trainer command to its end, its output on this console; returns its exit status. */
    int trainer(List<String> args, String heap) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java(), heap, "-Dai.djl.offline=true", "-cp",
                root.resolve("trainer/target/classes") + ":" + root.resolve("trainer/target/lib") + "/*", "dev.emscreen.trainer.Main"));
        command.addAll(args);
        Process process = new ProcessBuilder(command).inheritIO().start();
        try {
            return process.waitFor();
        } finally {
            process.destroy();
        }
    }

    /** Blocks until one of the started parts exits; a part that stops on its own is a failure of the stack. */
    ChildProcess awaitAnyExit() {
        List<CompletableFuture<ChildProcess>> exits = started.stream()
                .map(p -> p.handle().onExit().thenApply(h -> p)).toList();
        return (ChildProcess) CompletableFuture.anyOf(exits.toArray(CompletableFuture[]::new)).join();
    }

    private ChildProcess start(String name, List<String> command, Path log) throws IOException {
        if (closed) {
            throw new IllegalStateException("the stack is stopping; not starting " + name);
        }
        ChildProcess process = ChildProcess.start(name, command, log);
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    /** Whether the stack is being stopped (by close or by a signal). */
    boolean closing() {
        return closed;
    }

    /** Stops every part, the last started first (the stream commits before its broker goes). Idempotent. */
    @Override
    public void close() {
        List<ChildProcess> toStop;
        synchronized (started) {
            if (closed) {
                return;
            }
            closed = true;
            toStop = new ArrayList<>(started);
        }
        for (int i = toStop.size() - 1; i >= 0; i--) {
            ChildProcess part = toStop.get(i);
            if (part.alive()) {
                System.out.println("Stopping " + part.name() + "...");
            }
            part.stop(Duration.ofSeconds(60));
        }
        if (!toStop.isEmpty()) {
            System.out.println("Stopped everything this command started (logs in " + toStop.get(0).log().getParent() + ").");
        }
    }

    private static String java() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
