package dev.emscreen.schemas.registry;

import java.util.Map;

/** Picks the registry client that {@code schema.registry.url} names. */
public final class SchemaRegistryClients {

    private SchemaRegistryClients() {
    }

    public static SchemaRegistryClient fromConfig(Map<String, ?> configs) {
        RegistryClientConfig config = RegistryClientConfig.from(configs);
        return config.isMock() ? InMemorySchemaRegistry.scope(config.mockScope()) : new RestSchemaRegistryClient(config);
    }
}
