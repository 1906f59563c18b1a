package dev.emscreen.cli;

import dev.emscreen.cli.local.LocalStack;
import dev.emscreen.schemas.ClientSettings;
import dev.emscreen.schemas.TopicNames;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * Where the commands that talk to Kafka find the broker, the schema registry and the topics. The
 * defaults are what {@code ./emscreen stream} starts on this machine, its registry credentials
 * included, so that the tools work against it with no options.
 */
public final class KafkaOptions {

    public static final String DEFAULT_BOOTSTRAP = "127.0.0.1:9092";
    public static final String DEFAULT_REGISTRY = "http://localhost:8081/ccompat";

    @Option(names = "--bootstrap", defaultValue = DEFAULT_BOOTSTRAP, description = "Kafka bootstrap servers (default: ${DEFAULT-VALUE}).")
    String bootstrap;

    @Option(names = "--registry", defaultValue = DEFAULT_REGISTRY,
            description = "Schema registry URL shared with the stream (default: the registry service's, ${DEFAULT-VALUE}).")
    String registry;

    @Option(names = "--registry-auth", defaultValue = "${env:EMSCREEN_REGISTRY_AUTH}",
            description = "USER:SECRET for the registry (basic auth; the registry service's token as SECRET). Default: "
                    + "$EMSCREEN_REGISTRY_AUTH, else the credentials ./emscreen stream keeps for its own registry.")
    String registryAuth;

    public static KafkaOptions of(String bootstrap, String registry, String registryAuth) {
        KafkaOptions options = new KafkaOptions();
        options.bootstrap = bootstrap;
        options.registry = registry;
        options.registryAuth = registryAuth;
        return options;
    }

    /** The settings in force: given ones, else the local stack's credentials when the registry is its registry. */
    public ClientSettings settings() {
        String auth = registryAuth;
        if ((auth == null || auth.isBlank()) && DEFAULT_REGISTRY.equals(registry)) {
            auth = LocalStack.savedRegistryAuth(LocalStack.home()).orElse(null);
        }
        return new ClientSettings(bootstrap, registry, auth);
    }

    /** The topics of this deployment (emscreen.topics.*, as the stream reads them). */
    public TopicNames topics() {
        return TopicNames.configured();
    }

    Map<String, Object> readCommittedConfig(String purpose) {
        return settings().readCommittedConfig(purpose);
    }

    Map<String, Object> producerConfig() {
        return settings().producerConfig();
    }
}
