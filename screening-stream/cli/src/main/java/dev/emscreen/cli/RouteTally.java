package dev.emscreen.cli;

import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.schemas.TopicNames;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Where each sample is now, counted once: the route of its latest verdict (an annotator's ruling
 * outranks the model's), or the dead letters if it was refused. Only dead letters from the samples
 * topic are samples; a dead-lettered ruling leaves its sample on the route it is on.
 */
final class RouteTally {

    static final String DEAD_LETTERS = "dead letters";

    private record Place(String route, long timestamp, ScreenedSample screened) {
        /** A dead letter, then the model's verdict, then an annotator's ruling. */
        int authority() {
            return screened == null ? 0 : screened.getVerdict().getDecidedBy() == DecisionSource.HUMAN ? 2 : 1;
        }
    }

    /** Topics are read side by side, so arrival order says nothing: authority decides, then the later record. */
    private static final Comparator<Place> PRECEDENCE =
            Comparator.comparingInt(Place::authority).thenComparingLong(Place::timestamp);

    private final TopicNames topics;
    private final Map<String, Place> placeOf = new LinkedHashMap<>();
    private int otherDeadLetters;

    RouteTally(TopicNames topics) {
        this.topics = topics;
    }

    /** A verdict read from a route topic. */
    void routed(String topic, long timestamp, ScreenedSample screened) {
        place(screened.getSample().getId(), new Place(routeName(topic), timestamp, screened));
    }

    /** A record of the dead-letter topic; {@code sourceTopic} from its headers (null if they are gone). */
    void deadLetter(String key, String sourceTopic, int partition, long offset) {
        if (sourceTopic != null && !sourceTopic.equals(topics.samples())) {
            otherDeadLetters++;
            return;
        }
        // A record too broken to have a key is still one sample that was sent in.
        String id = key != null ? key : "dead-letter@" + partition + ":" + offset;
        place(id, new Place(DEAD_LETTERS, -1, null));
    }

    private void place(String id, Place next) {
        placeOf.merge(id, next, (had, now) -> PRECEDENCE.compare(now, had) >= 0 ? now : had);
    }

    int total() {
        return placeOf.size();
    }

    int otherDeadLetters() {
        return otherDeadLetters;
    }

    Map<String, Integer> counts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        List.of("accepted", "review", "quarantined", DEAD_LETTERS).forEach(r -> counts.put(r, 0));
        placeOf.values().forEach(p -> counts.merge(p.route(), 1, Integer::sum));
        return counts;
    }

    String versions() {
        return String.join(", ", screened().map(s -> s.getVerdict().getFeatureSetVersion()).distinct().toList());
    }

    Map<String, Integer> toxicHits() {
        Map<String, Integer> hits = new LinkedHashMap<>();
        placeOf.values().stream().filter(p -> p.screened() != null && !p.route().equals("accepted"))
                .forEach(p -> p.screened().getVerdict().getTopFeatures().stream()
                        .map(f -> "#" + f.getNearestToxicFeature() + " \"" + SummaryCommand.clip(String.valueOf(f.getLabel()), 70) + "\"")
                        .distinct().forEach(k -> hits.merge(k, 1, Integer::sum)));
        return hits;
    }

    /** The highest-scoring sample of each route (the lowest for accepted): the clearest case of why it went there. */
    Map<String, ScreenedSample> examples() {
        Map<String, ScreenedSample> examples = new LinkedHashMap<>();
        for (String route : List.of("accepted", "review", "quarantined")) {
            placeOf.values().stream().filter(p -> p.route().equals(route)).map(Place::screened).filter(Objects::nonNull)
                    .max(Comparator.comparingDouble(s -> route.equals("accepted") ? -s.getVerdict().getScore() : s.getVerdict().getScore()))
                    .ifPresent(s -> examples.put(route, s));
        }
        return examples;
    }

    private java.util.stream.Stream<ScreenedSample> screened() {
        return placeOf.values().stream().map(Place::screened).filter(Objects::nonNull);
    }

    private String routeName(String topic) {
        if (topic.equals(topics.accepted())) {
            return "accepted";
        }
        if (topic.equals(topics.review())) {
            return "review";
        }
        if (topic.equals(topics.quarantined())) {
            return "quarantined";
        }
        throw new IllegalArgumentException(topic + " is not a route topic");
    }
}
