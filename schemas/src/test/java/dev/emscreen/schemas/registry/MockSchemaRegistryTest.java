package dev.emscreen.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MockSchemaRegistryTest {

    private final String scope = "mock-" + UUID.randomUUID();
    private final MockSchemaRegistry registry = MockSchemaRegistry.scope(scope);

    private static final Schema V1 = SchemaBuilder.record("Sample").fields().requiredString("id").endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Sample").fields()
            .requiredString("id").name("lang").type().stringType().stringDefault("en").endRecord();
    private static final Schema V2_WITHOUT_DEFAULT = SchemaBuilder.record("Sample").fields()
            .requiredString("id").requiredString("lang").endRecord();

    @AfterEach
    void drop() {
        MockSchemaRegistry.dropScope(scope);
    }

    @Test
    void aPersistedScopeGivesEverySchemaItsOldIdAfterARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path journal = dir.resolve("schemas.jsonl");
        Schema other = SchemaBuilder.record("Other").fields().requiredInt("n").endRecord();
        registry.persistTo(journal);
        int other1 = registry.register("o-value", other);
        int v1 = registry.register("a-value", V1);
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);
        int v2 = registry.register("a-value", V2_WITHOUT_DEFAULT);

        MockSchemaRegistry.dropScope(scope); // the hosting process restarts
        MockSchemaRegistry restarted = MockSchemaRegistry.scope(scope);
        restarted.persistTo(journal);

        assertThat(restarted.getById(other1)).isEqualTo(other);
        assertThat(restarted.getById(v1)).isEqualTo(V1);
        assertThat(restarted.getById(v2)).isEqualTo(V2_WITHOUT_DEFAULT);
        assertThat(restarted.latest("a-value").version()).isEqualTo(2);
        assertThat(restarted.compatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
        Schema third = SchemaBuilder.record("Third").fields().requiredLong("t").endRecord();
        assertThat(restarted.register("t-value", third)).isEqualTo(4);
    }

    @Test
    void registrationIsIdempotentAndIdsAreSharedAcrossSubjects() {
        int id = registry.register("a-value", V1);

        assertThat(registry.register("a-value", V1)).isEqualTo(id);
        assertThat(registry.register("b-value", V1)).isEqualTo(id);
        assertThat(registry.latest("a-value").version()).isEqualTo(1);
        assertThat(registry.getById(id)).isEqualTo(V1);
    }

    @Test
    void backwardCompatibleChangeGetsTheNextVersion() {
        registry.register("a-value", V1);
        int id2 = registry.register("a-value", V2_WITH_DEFAULT);

        RegisteredSchema latest = registry.latest("a-value");
        assertThat(latest.version()).isEqualTo(2);
        assertThat(latest.id()).isEqualTo(id2);
        assertThat(registry.lookup("a-value", V1).version()).isEqualTo(1);
    }

    @Test
    void backwardIncompatibleChangeIsRefusedWith409() {
        registry.register("a-value", V1);

        assertThat(registry.isCompatible("a-value", V2_WITHOUT_DEFAULT)).isFalse();
        assertThatThrownBy(() -> registry.register("a-value", V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(409))
                .hasMessageContaining("lang");
        assertThat(registry.latest("a-value").version()).isEqualTo(1);
    }

    @Test
    void compatibilityNoneAcceptsAnything() {
        registry.register("a-value", V1);
        registry.setCompatibility("a-value", CompatibilityLevel.NONE);

        registry.register("a-value", V2_WITHOUT_DEFAULT);

        assertThat(registry.compatibility("a-value")).isEqualTo(CompatibilityLevel.NONE);
        assertThat(registry.compatibility("other")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void forwardLevelChecksTheOtherDirection() {
        registry.setCompatibility("a-value", CompatibilityLevel.FORWARD);
        registry.register("a-value", V2_WITHOUT_DEFAULT);

        // Old readers (which need "lang") cannot read data written without it.
        assertThat(registry.isCompatible("a-value", V1)).isFalse();
    }

    @Test
    void missingThingsAre404WithConfluentErrorCodes() {
        assertThatThrownBy(() -> registry.latest("nope-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
        assertThatThrownBy(() -> registry.getById(99))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
        registry.register("a-value", V1);
        assertThatThrownBy(() -> registry.lookup("a-value", V2_WITH_DEFAULT))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.isNotFound()).isTrue());
    }

    @Test
    void scopesAreSeparateAndSharedWithinOneScope() {
        int id = registry.register("a-value", V1);

        assertThat(SchemaRegistryClients.fromConfig(java.util.Map.of("schema.registry.url", "mock://" + scope))
                .getById(id)).isEqualTo(V1);
        MockSchemaRegistry other = MockSchemaRegistry.scope(scope + "-other");
        assertThatThrownBy(() -> other.getById(id)).isInstanceOf(SchemaRegistryException.class);
        MockSchemaRegistry.dropScope(scope + "-other");
    }
}
