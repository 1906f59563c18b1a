package dev.emscreen.stream.console;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The waiting samples, read from the store into a sorted snapshot that is rebuilt in the background:
 * choosing the next sample then walks a list in memory instead of decoding ten thousand records
 * per key press. A snapshot can be a moment old; {@link ReviewDesk} hides what it decided since.
 */
final class ReviewQueue {

    /** The waiting samples at {@code takenAt}, in both orders. */
    record Snapshot(Instant takenAt, List<WaitingSample> oldest, List<WaitingSample> byScore, Set<String> ids,
                    List<String> domains, List<String> versions) {

        List<WaitingSample> in(QueueFilter.Order order) {
            return order == QueueFilter.Order.SCORE ? byScore : oldest;
        }
    }

    private final WaitingSamples source;
    private volatile Snapshot snapshot;

    ReviewQueue(WaitingSamples source) {
        this.source = source;
    }

    WaitingSamples source() {
        return source;
    }

    /** The latest snapshot, taken now if there is none yet. */
    Snapshot snapshot(Instant now) {
        Snapshot current = snapshot;
        return current != null ? current : refresh(now);
    }

    /** Reads the store again; {@code now} is the moment the read starts (what was decided before it is gone from it). */
    Snapshot refresh(Instant now) {
        List<WaitingSample> all = new ArrayList<>();
        source.forEach((id, screened) -> all.add(WaitingSample.of(id, screened)));
        List<WaitingSample> oldest = new ArrayList<>(all);
        oldest.sort(QueueFilter.Order.OLDEST.comparator);
        List<WaitingSample> byScore = new ArrayList<>(all);
        byScore.sort(QueueFilter.Order.SCORE.comparator);
        Set<String> ids = new HashSet<>(all.size() * 2);
        Set<String> domains = new TreeSet<>();
        Set<String> versions = new TreeSet<>();
        for (WaitingSample sample : all) {
            ids.add(sample.sampleId());
            if (sample.domain() != null) {
                domains.add(sample.domain());
            }
            versions.add(sample.featureSetVersion());
        }
        Snapshot taken = new Snapshot(now, List.copyOf(oldest), List.copyOf(byScore), Set.copyOf(ids), List.copyOf(domains),
                List.copyOf(versions));
        snapshot = taken;
        return taken;
    }
}
