package dev.emscreen.stream.console;

import dev.emscreen.records.ReviewAction;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rulings this console sent, for the dashboard: how fast each annotator works and how often they
 * agree with the model's lean. Kept in memory, the last {@link #CAPACITY}; the decisions topic is
 * the durable record.
 */
final class DecisionLog {

    static final int CAPACITY = 100_000;

    record Entry(String annotator, Instant at, ReviewAction action, boolean agreesWithModel) {
    }

    /** One annotator's figures. */
    public record AnnotatorStats(String annotator, int decisions, int lastHour, double perHour, double agreement) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    synchronized void add(Entry entry) {
        if (entries.size() == CAPACITY) {
            entries.removeFirst();
        }
        entries.addLast(entry);
    }

    /** Per annotator, by name: decisions per hour over the span they worked (at least an hour), and in the last hour. */
    synchronized List<AnnotatorStats> stats(Instant now) {
        Map<String, List<Entry>> byAnnotator = new TreeMap<>();
        entries.forEach(e -> byAnnotator.computeIfAbsent(e.annotator(), a -> new ArrayList<>()).add(e));
        List<AnnotatorStats> stats = new ArrayList<>();
        byAnnotator.forEach((annotator, list) -> {
            Instant first = list.get(0).at();
            double hours = Math.max(1.0, Duration.between(first, now).toMillis() / 3_600_000.0);
            int lastHour = (int) list.stream().filter(e -> e.at().isAfter(now.minus(Duration.ofHours(1)))).count();
            long agreed = list.stream().filter(Entry::agreesWithModel).count();
            stats.add(new AnnotatorStats(annotator, list.size(), lastHour, list.size() / hours, (double) agreed / list.size()));
        });
        return stats;
    }
}
