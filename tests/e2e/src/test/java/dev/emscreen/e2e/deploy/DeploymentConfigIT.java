package dev.emscreen.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docker-compose.yml and the kustomize overlays, rendered by the real clients (docker-compose config,
 * kubectl kustomize), checked against what the applications read: every environment variable names
 * a setting the service has, ports are the services' ports, topics are the stream's topics, images
 * are the same everywhere, and the trainer job's arguments are options the trainer has.
 */
class DeploymentConfigIT {

    static final Path ROOT = Path.of(System.getProperty("emscreen.root", "../..")).toAbsolutePath().normalize();
    static Config stream;
    static Config registry;

    @BeforeAll
    static void readApplicationConfig() throws Exception {
        stream = Config.read(ROOT.resolve("screening-stream/src/main/resources/application.properties"));
        registry = Config.read(ROOT.resolve("feature-registry/service/src/main/resources/application.properties"));
    }

    @Test
    void composeRendersAndMatchesTheApplications() throws Exception {
        JsonNode compose = Rendered.compose(ROOT);
        JsonNode services = compose.get("services");

        assertThat(services.fieldNames()).toIterable().contains("kafka", "schema-registry", "registry", "stream", "trainer");
        assertThat(stream.unknown(env(services.get("stream").get("environment")))).isEmpty();
        assertThat(registry.unknown(env(services.get("registry").get("environment")))).isEmpty();
        assertThat(containerPorts(services.get("stream"))).containsExactly(stream.get("quarkus.http.port"));
        assertThat(containerPorts(services.get("registry"))).containsExactly(registry.get("quarkus.http.port"));
        assertThat(services.get("trainer").get("profiles").toString()).contains("trainer");
        assertThat(TrainerOptions.unknown(strings(services.get("trainer").get("command")))).isEmpty();
        for (String name : List.of("registry", "stream", "trainer")) {
            assertThat(services.get(name).get("healthcheck") != null || name.equals("trainer")).as(name + " health check").isTrue();
            Path dockerfile = ROOT.resolve(services.get(name).get("build").get("dockerfile").asText());
            assertThat(dockerfile).exists();
            assertThat(Files.readString(dockerfile)).contains("-t " + services.get(name).get("image").asText() + " ");
        }
        assertThat(compose.get("volumes").has("artifacts")).isTrue();
        assertThat(services.get("registry").get("volumes").toString()).contains(
                services.get("registry").get("environment").get("EMSCREEN_REGISTRY_ARTIFACT_DIR").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"cpu", "gpu"})
    void everyOverlayRendersAndMatchesTheApplications(String overlay) throws Exception {
        List<JsonNode> resources = Rendered.kustomize(ROOT, overlay);
        JsonNode streamPod = Rendered.podSpec(Rendered.named(resources, "Deployment", "screening-stream"));
        JsonNode registryPod = Rendered.podSpec(Rendered.named(resources, "Deployment", "feature-registry"));
        JsonNode trainerPod = Rendered.named(resources, "CronJob", "feature-set-refresh").at("/spec/jobTemplate/spec/template/spec");

        assertThat(stream.unknown(env(streamPod.at("/containers/0/env"), "POD_IP"))).isEmpty();
        assertThat(registry.unknown(env(registryPod.at("/containers/0/env")))).isEmpty();
        assertThat(streamPod.at("/containers/0/ports/0/containerPort").asText()).isEqualTo(stream.get("quarkus.http.port"));
        assertThat(registryPod.at("/containers/0/ports/0/containerPort").asText()).isEqualTo(registry.get("quarkus.http.port"));
        assertThat(TrainerOptions.unknown(strings(trainerPod.at("/containers/0/args")))).isEmpty();

        // Topics: exactly the stream's, with the partitions it is told to expect (the feed: one, compacted).
        Map<String, Integer> topics = new LinkedHashMap<>();
        resources.stream().filter(r -> r.get("kind").asText().equals("KafkaTopic"))
                .forEach(t -> topics.put(t.at("/spec/topicName").asText(), t.at("/spec/partitions").asInt()));
        assertThat(topics.keySet()).containsExactlyInAnyOrderElementsOf(stream.topics());
        int partitions = Integer.parseInt(env(streamPod.at("/containers/0/env")).get("EMSCREEN_TOPICS_PARTITIONS"));
        topics.forEach((topic, n) -> assertThat(n).as(topic).isEqualTo(
                topic.equals(stream.get("emscreen.topics.feature-set-versions")) ? 1 : partitions));
        // Sizes: the input takes what the stream would create it with; the dead letters 1 MiB more for their reasons.
        int maxMessageBytes = Integer.parseInt(stream.get("emscreen.topics.max-message-bytes"));
        assertThat(topicConfig(resources, stream.get("emscreen.topics.samples"), "max.message.bytes")).isEqualTo(maxMessageBytes);
        assertThat(topicConfig(resources, stream.get("emscreen.topics.dead-letters"), "max.message.bytes"))
                .isEqualTo(maxMessageBytes + (1 << 20));
        assertThat(Rendered.named(resources, "ScaledObject", "screening-stream").at("/spec/maxReplicaCount").asInt())
                .as("no more instances than partitions").isEqualTo(partitions);
        assertThat(Rendered.named(resources, "ScaledObject", "screening-stream").at("/spec/triggers/0/metadata/consumerGroup")
                .asText()).isEqualTo(stream.get("quarkus.kafka-streams.application-id"));

        // Images: the ones docker-compose builds (the GPU overlay swaps in the CUDA build of the stream).
        JsonNode compose = Rendered.compose(ROOT).get("services");
        String streamImage = compose.get("stream").get("image").asText();
        assertThat(streamPod.at("/containers/0/image").asText()).isEqualTo(overlay.equals("gpu") ? streamImage + "-gpu" : streamImage);
        assertThat(registryPod.at("/containers/0/image").asText()).isEqualTo(compose.get("registry").get("image").asText());
        assertThat(trainerPod.at("/containers/0/image").asText()).isEqualTo(compose.get("trainer").get("image").asText());
        if (overlay.equals("gpu")) {
            assertThat(streamPod.at("/containers/0/resources/limits/nvidia.com~1gpu").asText()).isEqualTo("1");
            assertThat(Files.readString(ROOT.resolve("deploy/docker/stream-gpu.Dockerfile"))).contains("-t " + streamImage + "-gpu ");
        }
    }

    /** name → value of a compose environment mapping or a Kubernetes env list (valueFrom entries: "<from>"). */
    static Map<String, String> env(JsonNode node, String... ignored) {
        Map<String, String> env = new LinkedHashMap<>();
        if (node.isArray()) {
            node.forEach(e -> env.put(e.get("name").asText(), e.has("value") ? e.get("value").asText() : "<from>"));
        } else {
            node.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        List.of(ignored).forEach(env::remove);
        return env;
    }

    private static Set<String> containerPorts(JsonNode service) {
        Set<String> ports = new TreeSet<>();
        service.get("ports").forEach(p -> ports.add(p.isObject() ? p.get("target").asText() : p.asText().replaceAll(".*:", "")));
        return ports;
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static int topicConfig(List<JsonNode> resources, String topic, String key) {
        return resources.stream().filter(r -> r.get("kind").asText().equals("KafkaTopic")
                        && r.at("/spec/topicName").asText().equals(topic))
                .findFirst().orElseThrow().at("/spec/config/" + key).asInt();
    }
}
