package dev.emscreen.e2e.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Deployment files as their own clients render them: docker-compose config and kubectl kustomize. */
final class Rendered {

    private static final YAMLMapper YAML = new YAMLMapper();

    private Rendered() {
    }

    static JsonNode compose(Path root) throws Exception {
        // The file refuses to render without a registry token (no default token): give it one.
        String out = run(root, List.of("docker-compose", "-f", "docker-compose.yml", "config"), "EMSCREEN_REGISTRY_TOKEN", "t0ken",
                "docker-compose (Debian: apt-get install docker-compose; ./emscreen test installs it)");
        return YAML.readTree(out);
    }

    static List<JsonNode> kustomize(Path root, String overlay) throws Exception {
        String out = run(root, List.of("kubectl", "kustomize", "deploy/k8s/overlays/" + overlay), null, null,
                "kubectl (Debian: apt-get install kubernetes-client; ./emscreen test installs it)");
        try (var parser = YAML.getFactory().createParser(out)) {
            return YAML.readValues(parser, JsonNode.class).readAll().stream().filter(n -> n != null && !n.isEmpty()).toList();
        }
    }

    static JsonNode named(List<JsonNode> resources, String kind, String name) {
        return resources.stream().filter(r -> r.get("kind").asText().equals(kind) && r.at("/metadata/name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + kind + " " + name + " rendered"));
    }

    static JsonNode podSpec(JsonNode deployment) {
        return deployment.at("/spec/template/spec");
    }

    private static String run(Path root, List<String> command, String envName, String envValue, String tool) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(false);
        if (envName != null) {
            builder.environment().put(envName, envValue);
        }
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new AssertionError("this test needs " + tool, e);
        }
        var stderr = process.getErrorStream();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(stderr.readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " failed:\n" + err).isZero();
        return out;
    }
}
