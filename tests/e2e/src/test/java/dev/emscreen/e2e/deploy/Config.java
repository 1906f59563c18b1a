package dev.emscreen.e2e.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An application's documented settings, from its application.properties: the keys set there and the
 * ones documented commented out ("# key=value"), with the environment variable Quarkus maps to each.
 */
record Config(Map<String, String> values, Map<String, String> keyOfEnv) {

    private static final Set<String> NOT_TOPICS = Set.of("emscreen.topics.create", "emscreen.topics.partitions",
            "emscreen.topics.replication-factor", "emscreen.topics.max-message-bytes");

    static Config read(Path file) throws IOException {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> keyOfEnv = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String setting = line.replaceFirst("^#\\s*", "").trim();
            if (!setting.matches("[a-z][a-z0-9.\\-\"]*=.*")) {
                continue;
            }
            String key = setting.substring(0, setting.indexOf('='));
            if (!line.startsWith("#")) {
                values.put(key, setting.substring(key.length() + 1));
            }
            keyOfEnv.put(envName(key), key);
        }
        return new Config(values, keyOfEnv);
    }

    /** Quarkus's rule: upper case, every character that is not a letter or digit becomes '_'. */
    static String envName(String key) {
        return key.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    String get(String key) {
        return values.get(key);
    }

    /** The variables among {@code env} that set nothing this application reads. */
    List<String> unknown(Map<String, String> env) {
        return env.keySet().stream().filter(name -> !keyOfEnv.containsKey(name)).toList();
    }

    /** The stream's topic names (emscreen.topics.*, less the settings that are not names). */
    List<String> topics() {
        return values.entrySet().stream().filter(e -> e.getKey().startsWith("emscreen.topics.") && !NOT_TOPICS.contains(e.getKey()))
                .map(Map.Entry::getValue).toList();
    }
}
