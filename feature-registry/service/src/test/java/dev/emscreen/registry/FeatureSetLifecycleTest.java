package dev.emscreen.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.emscreen.records.ArtifactRef;
import dev.emscreen.records.EncoderRef;
import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.records.SaeArchitecture;
import dev.emscreen.records.SaeRef;
import dev.emscreen.records.Thresholds;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The promotion rules alone: no broker, no Quarkus. */
class FeatureSetLifecycleTest {

    private final FeatureSetLifecycle lifecycle = new FeatureSetLifecycle();

    @Test
    void aNewUploadIsRegisteredAsACandidateWhateverStatusItCameWith() {
        // When a version the registry does not know is registered with another status
        List<FeatureSetVersion> changes = lifecycle.register(version("fs-a", FeatureSetStatus.ACTIVE));

        // Then it is written as a candidate, and only once applied is it known
        assertThat(changes).extracting(FeatureSetVersion::getVersion, FeatureSetVersion::getStatus)
                .containsExactly(tuple("fs-a", FeatureSetStatus.CANDIDATE));
        assertThat(lifecycle.get("fs-a")).isEmpty();
        lifecycle.apply(changes.get(0), 1);
        assertThat(lifecycle.get("fs-a")).map(FeatureSetVersion::getStatus).contains(FeatureSetStatus.CANDIDATE);
    }

    @Test
    void uploadingAKnownVersionAgainChangesNothingSoTheActiveSetIsNotDemoted() {
        // Given an active version
        lifecycle.apply(version("fs-a", FeatureSetStatus.ACTIVE), 1);

        // When the same bundle is uploaded again, then nothing is written
        assertThat(lifecycle.register(version("fs-a", FeatureSetStatus.CANDIDATE))).isEmpty();
        assertThat(lifecycle.active()).map(FeatureSetVersion::getVersion).contains("fs-a");
    }

    @Test
    void promotingRetiresTheActiveSetInTheSameChangeBeforeTheNewOneIsActive() {
        // Given an active set and a candidate
        lifecycle.apply(version("fs-a", FeatureSetStatus.ACTIVE), 1);
        lifecycle.apply(version("fs-b", FeatureSetStatus.CANDIDATE), 2);

        // When the candidate is promoted
        List<FeatureSetVersion> changes = lifecycle.promote("fs-b");

        // Then the old one is retired first, so a reader never sees two active sets
        assertThat(changes).extracting(FeatureSetVersion::getVersion, FeatureSetVersion::getStatus)
                .containsExactly(tuple("fs-a", FeatureSetStatus.RETIRED), tuple("fs-b", FeatureSetStatus.ACTIVE));
        changes.forEach(c -> lifecycle.apply(c, 3));
        assertThat(lifecycle.active()).map(FeatureSetVersion::getVersion).contains("fs-b");
        assertThat(lifecycle.all()).filteredOn(v -> v.getStatus() == FeatureSetStatus.ACTIVE).hasSize(1);
    }

    @Test
    void theFirstPromotionRetiresNothing() {
        lifecycle.apply(version("fs-a", FeatureSetStatus.CANDIDATE), 1);

        assertThat(lifecycle.promote("fs-a")).extracting(FeatureSetVersion::getVersion, FeatureSetVersion::getStatus)
                .containsExactly(tuple("fs-a", FeatureSetStatus.ACTIVE));
    }

    @Test
    void promotingTheActiveSetAgainChangesNothing() {
        lifecycle.apply(version("fs-a", FeatureSetStatus.ACTIVE), 1);

        assertThat(lifecycle.promote("fs-a")).isEmpty();
    }

    @Test
    void aRetiredSetMayBePromotedAgain() {
        // Given a set retired by the one active now
        lifecycle.apply(version("fs-a", FeatureSetStatus.RETIRED), 1);
        lifecycle.apply(version("fs-b", FeatureSetStatus.ACTIVE), 1);

        // Then it may be promoted by name, which retires the active one
        assertThat(lifecycle.promote("fs-a")).extracting(FeatureSetVersion::getVersion, FeatureSetVersion::getStatus)
                .containsExactly(tuple("fs-b", FeatureSetStatus.RETIRED), tuple("fs-a", FeatureSetStatus.ACTIVE));
    }

    @Test
    void anUnknownVersionCannotBePromoted() {
        lifecycle.apply(version("fs-a", FeatureSetStatus.CANDIDATE), 1);

        assertThatThrownBy(() -> lifecycle.promote("fs-nope"))
                .isInstanceOf(FeatureSetLifecycle.UnknownVersionException.class).hasMessageContaining("fs-nope");
    }

    @Test
    void aRollbackBringsBackTheSetRetiredMostRecentlyNotTheOneReadLast() {
        // Given two retired sets, the one retired later read first (the feed is compacted: order is not time),
        // and a newer candidate that never served
        lifecycle.apply(version("fs-recent", FeatureSetStatus.RETIRED), 300);
        lifecycle.apply(version("fs-older", FeatureSetStatus.RETIRED), 200);
        lifecycle.apply(version("fs-active", FeatureSetStatus.ACTIVE), 300);
        lifecycle.apply(version("fs-candidate", FeatureSetStatus.CANDIDATE), 400);

        // Then a rollback goes to the set retired last
        assertThat(lifecycle.rollbackTarget()).isEqualTo("fs-recent");
    }

    @Test
    void twoRollbacksInARowGoBackAndForth() {
        // Given b replaced a
        lifecycle.apply(version("fs-a", FeatureSetStatus.CANDIDATE), 1);
        lifecycle.apply(version("fs-b", FeatureSetStatus.CANDIDATE), 2);
        lifecycle.promote("fs-a").forEach(c -> lifecycle.apply(c, 3));
        lifecycle.promote("fs-b").forEach(c -> lifecycle.apply(c, 4));

        // When rolled back, a serves again; rolled back once more, b does
        lifecycle.promote(lifecycle.rollbackTarget()).forEach(c -> lifecycle.apply(c, 5));
        assertThat(lifecycle.active()).map(FeatureSetVersion::getVersion).contains("fs-a");
        lifecycle.promote(lifecycle.rollbackTarget()).forEach(c -> lifecycle.apply(c, 6));
        assertThat(lifecycle.active()).map(FeatureSetVersion::getVersion).contains("fs-b");
    }

    @Test
    void withNothingRetiredThereIsNothingToRollBackTo() {
        // Given an active set and candidates, none of which ever served before it
        lifecycle.apply(version("fs-a", FeatureSetStatus.ACTIVE), 1);
        lifecycle.apply(version("fs-b", FeatureSetStatus.CANDIDATE), 2);

        assertThatThrownBy(lifecycle::rollbackTarget)
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("nothing to roll back to");
    }

    @Test
    void theLatestEntryOfAVersionWinsAndATombstoneForgetsIt() {
        // Given the feed's entries for one version, replayed in order
        lifecycle.apply(version("fs-a", FeatureSetStatus.CANDIDATE), 1);
        lifecycle.apply(version("fs-a", FeatureSetStatus.ACTIVE), 2);

        assertThat(lifecycle.all()).extracting(FeatureSetVersion::getStatus).containsExactly(FeatureSetStatus.ACTIVE);

        // When a tombstone follows, then the version is gone, and with it the active set
        lifecycle.remove("fs-a");
        assertThat(lifecycle.all()).isEmpty();
        assertThat(lifecycle.active()).isEmpty();
    }

    private static FeatureSetVersion version(String name, FeatureSetStatus status) {
        return new FeatureSetVersion(name, status, Instant.parse("2026-11-23T00:00:00Z"),
                new EncoderRef("test-encoder", "ONNX", -1, "MEAN", 64), new SaeRef("sae.safetensors", "00", SaeArchitecture.TOPK, 8, 16, 2),
                List.of(), new ArtifactRef("proximity.json", "00"), "PROXIMITY", new Thresholds(0.3, 0.6), Map.of(), null, null);
    }
}
