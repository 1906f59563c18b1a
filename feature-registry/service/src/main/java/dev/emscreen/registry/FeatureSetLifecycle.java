package dev.emscreen.registry;

import dev.emscreen.features.bundle.FeatureSetVersions;
import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The feature-set versions the registry knows and the rules for their status: a new upload is a
 * candidate, one version at most is active, promoting retires the active one, a rollback brings
 * back the one retired last. It decides changes but makes none: {@link FeatureSetCatalog} writes
 * them to the change feed and {@link #apply applies} them only once they are committed there, the
 * way it applies what it replays. Not thread-safe: the catalog serialises every call.
 */
final class FeatureSetLifecycle {

    /** A version with the time its current status was written (the feed record's timestamp). */
    private record Entry(FeatureSetVersion version, long changedAt) {
    }

    private final Map<String, Entry> versions = new LinkedHashMap<>();

    List<FeatureSetVersion> all() {
        return versions.values().stream().map(Entry::version).toList();
    }

    Optional<FeatureSetVersion> get(String version) {
        return Optional.ofNullable(versions.get(version)).map(Entry::version);
    }

    Optional<FeatureSetVersion> active() {
        return versions.values().stream().map(Entry::version).filter(v -> v.getStatus() == FeatureSetStatus.ACTIVE)
                .findFirst();
    }

    /**
     * What registering {@code candidate} writes: the version as a CANDIDATE, whatever status it came
     * with; nothing for a version already known, so uploading a bundle twice never demotes it.
     */
    List<FeatureSetVersion> register(FeatureSetVersion candidate) {
        if (versions.containsKey(candidate.getVersion())) {
            return List.of();
        }
        return List.of(FeatureSetVersions.withStatus(candidate, FeatureSetStatus.CANDIDATE));
    }

    /**
     * What promoting {@code version} writes: the active version RETIRED, then {@code version} ACTIVE,
     * to be written together so that no reader ever sees two active sets, or none. Any known version
     * may be promoted, a retired one too; nothing for the one already active.
     */
    List<FeatureSetVersion> promote(String version) {
        FeatureSetVersion target = get(version).orElseThrow(() -> new UnknownVersionException(version));
        if (target.getStatus() == FeatureSetStatus.ACTIVE) {
            return List.of();
        }
        List<FeatureSetVersion> changes = new ArrayList<>();
        active().ifPresent(current -> changes.add(FeatureSetVersions.withStatus(current, FeatureSetStatus.RETIRED)));
        changes.add(FeatureSetVersions.withStatus(target, FeatureSetStatus.ACTIVE));
        return changes;
    }

    /**
     * The version a rollback promotes: the one retired most recently, which is the one the active
     * set replaced (candidates never served, so they are never rolled back to).
     */
    String rollbackTarget() {
        return versions.values().stream()
                .filter(e -> e.version().getStatus() == FeatureSetStatus.RETIRED)
                .max(Comparator.comparingLong(Entry::changedAt))
                .map(e -> e.version().getVersion())
                .orElseThrow(() -> new IllegalStateException("no version was active before this one: nothing to roll back to"));
    }

    /** A change committed to the feed (written now or replayed), as of {@code changedAt}. */
    void apply(FeatureSetVersion change, long changedAt) {
        versions.put(change.getVersion(), new Entry(change, changedAt));
    }

    /** A tombstone on the feed: the version is gone. */
    void remove(String version) {
        versions.remove(version);
    }

    int size() {
        return versions.size();
    }

    /** A version this registry does not know. */
    public static final class UnknownVersionException extends RuntimeException {
        UnknownVersionException(String version) {
            super("no feature set " + version + " in this registry");
        }
    }
}
