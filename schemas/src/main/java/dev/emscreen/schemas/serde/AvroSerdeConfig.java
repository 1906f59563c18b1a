package dev.emscreen.schemas.serde;

import java.util.Map;
import org.apache.kafka.common.config.ConfigException;

/** The serde's own settings, under Confluent's key names; registry access is read by the client. */
public record AvroSerdeConfig(boolean autoRegisterSchemas, boolean useLatestVersion) {

    public static final String AUTO_REGISTER_SCHEMAS = "auto.register.schemas";
    public static final String USE_LATEST_VERSION = "use.latest.version";

    public static AvroSerdeConfig from(Map<String, ?> configs) {
        boolean autoRegister = bool(configs, AUTO_REGISTER_SCHEMAS, true);
        boolean useLatest = bool(configs, USE_LATEST_VERSION, false);
        if (autoRegister && useLatest) {
            throw new ConfigException(USE_LATEST_VERSION + "=true needs " + AUTO_REGISTER_SCHEMAS
                    + "=false: a serializer either registers its own schema or writes with the subject's latest one");
        }
        return new AvroSerdeConfig(autoRegister, useLatest);
    }

    private static boolean bool(Map<String, ?> configs, String key, boolean fallback) {
        Object value = configs.get(key);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        return switch (value.toString().trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ConfigException(key, value, "expected true or false");
        };
    }
}
