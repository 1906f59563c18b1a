package dev.emscreen.schemas.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class InMemorySchemaRegistryTest {

    private final String scope = "mock-" + UUID.randomUUID();
    private final InMemorySchemaRegistry registry = InMemorySchemaRegistry.scope(scope);

    private static final Schema V1 = SchemaBuilder.record("Sample").fields().requiredString("id").endRecord();
    private static final Schema V2_WITH_DEFAULT = SchemaBuilder.record("Sample").fields()
            .requiredString("id").name("lang").type().stringType().stringDefault("en").endRecord();
    private static final Schema V2_WITHOUT_DEFAULT = SchemaBuilder.record("Sample").fields()
            .requiredString("id").requiredString("lang").endRecord();

    @AfterEach
    void drop() {
        InMemorySchemaRegistry.dropScope(scope);
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

        InMemorySchemaRegistry.dropScope(scope); // the hosting process restarts
        InMemorySchemaRegistry restarted = InMemorySchemaRegistry.scope(scope);
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
    void aChangeTheJournalCannotKeepIsRefusedAndNotApplied(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        // Given a persisted scope whose journal can no longer be written (a folder where the file was)
        java.nio.file.Path journal = dir.resolve("schemas.jsonl");
        registry.persistTo(journal);
        registry.register("a-value", V1);
        java.nio.file.Files.delete(journal);
        java.nio.file.Files.createDirectory(journal);

        // When a new schema and a new level are set, then both are refused
        assertThatThrownBy(() -> registry.register("b-value", V2_WITHOUT_DEFAULT))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> assertThat(e.status()).isEqualTo(500));
        assertThatThrownBy(() -> registry.setCompatibility("a-value", CompatibilityLevel.NONE))
                .isInstanceOf(SchemaRegistryException.class);

        // and nothing of them is served: after a restart the journal could not give their ids back
        assertThat(registry.subjects()).containsExactly("a-value");
        assertThat(registry.compatibility("a-value")).isEqualTo(CompatibilityLevel.BACKWARD);
    }

    @Test
    void subjectsAreListedByNameWithTheirVersionsFromOne() {
        // Given two subjects, registered out of name order, one with two versions
        int id1 = registry.register("b-value", V1);
        registry.register("a-value", V1);
        int id2 = registry.register("a-value", V2_WITH_DEFAULT);

        // Then they are listed by name, and each version is read back with its id and schema
        assertThat(registry.subjects()).containsExactly("a-value", "b-value");
        assertThat(registry.versions("a-value")).containsExactly(1, 2);
        assertThat(registry.versions("b-value")).containsExactly(1);
        assertThat(registry.version("a-value", 1)).isEqualTo(new RegisteredSchema("a-value", id1, 1, V1));
        assertThat(registry.version("a-value", 2)).isEqualTo(new RegisteredSchema("a-value", id2, 2, V2_WITH_DEFAULT));
    }

    @Test
    void aMissingVersionIs40402AndAMissingSubject40401() {
        registry.register("a-value", V1);

        assertThatThrownBy(() -> registry.version("a-value", 2))
                .isInstanceOfSatisfying(SchemaRegistryException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.VERSION_NOT_FOUND);
                });
        assertThatThrownBy(() -> registry.version("a-value", 0))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.VERSION_NOT_FOUND));
        assertThatThrownBy(() -> registry.versions("nope-value"))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SUBJECT_NOT_FOUND));
    }

    @Test
    void theUsesOfAnIdAreEverySubjectAndVersionItIsRegisteredAs() {
        // Given one schema under two subjects, and another schema as a second version of one of them
        int shared = registry.register("b-value", V1);
        registry.register("a-value", V1);
        int other = registry.register("a-value", V2_WITH_DEFAULT);

        // Then each id names where it is registered, and an unknown id is 40403
        assertThat(registry.usesOf(shared)).extracting(RegisteredSchema::subject, RegisteredSchema::version)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("a-value", 1), org.assertj.core.groups.Tuple.tuple("b-value", 1));
        assertThat(registry.usesOf(other)).containsExactly(new RegisteredSchema("a-value", other, 2, V2_WITH_DEFAULT));
        assertThatThrownBy(() -> registry.usesOf(99))
                .isInstanceOfSatisfying(SchemaRegistryException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(SchemaRegistryException.SCHEMA_NOT_FOUND));
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
        InMemorySchemaRegistry other = InMemorySchemaRegistry.scope(scope + "-other");
        assertThatThrownBy(() -> other.getById(id)).isInstanceOf(SchemaRegistryException.class);
        InMemorySchemaRegistry.dropScope(scope + "-other");
    }
}
