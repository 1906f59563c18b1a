package dev.emscreen.schemas;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * The topics one deployment uses, each defaulting to the name in {@link Topics}. One configuration
 * serves the stream and every tool: the keys {@code emscreen.topics.samples}, {@code .accepted},
 * {@code .review}, {@code .quarantined}, {@code .review-decisions}, {@code .feature-set-versions} and
 * {@code .dead-letters}, set as system properties or as environment variables
 * ({@code EMSCREEN_TOPICS_SAMPLES}, ...), the names Quarkus reads for the stream.
 */
public record TopicNames(String samples, String accepted, String review, String quarantined, String reviewDecisions,
                         String featureSetVersions, String deadLetters) {

    public static final String PREFIX = "emscreen.topics.";

    public TopicNames {
        for (String name : List.of(samples, accepted, review, quarantined, reviewDecisions, featureSetVersions, deadLetters)) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("every topic needs a name; got " + name + " among " + PREFIX + "*");
            }
        }
    }

    public static TopicNames defaults() {
        return new TopicNames(Topics.SAMPLES.name(), Topics.ACCEPTED.name(), Topics.REVIEW.name(),
                Topics.QUARANTINED.name(), Topics.REVIEW_DECISIONS.name(), Topics.FEATURE_SET_VERSIONS.name(), Topics.DLQ);
    }

    /** The names configured for this process: system properties first, then the environment, then the defaults. */
    public static TopicNames configured() {
        return from(key -> Optional.ofNullable(System.getProperty(key)).or(() -> Optional.ofNullable(System.getenv(envName(key)))));
    }

    /** The names {@code lookup} gives for the {@code emscreen.topics.*} keys, defaults where it gives none. */
    public static TopicNames from(Function<String, Optional<String>> lookup) {
        TopicNames d = defaults();
        return new TopicNames(read(lookup, "samples", d.samples), read(lookup, "accepted", d.accepted),
                read(lookup, "review", d.review), read(lookup, "quarantined", d.quarantined),
                read(lookup, "review-decisions", d.reviewDecisions), read(lookup, "feature-set-versions", d.featureSetVersions),
                read(lookup, "dead-letters", d.deadLetters));
    }

    private static String read(Function<String, Optional<String>> lookup, String key, String otherwise) {
        return lookup.apply(PREFIX + key).orElse(otherwise);
    }

    /** {@code emscreen.topics.review-decisions} → {@code EMSCREEN_TOPICS_REVIEW_DECISIONS}, as MicroProfile Config maps it. */
    static String envName(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    /** Every topic the stream reads or writes. */
    public List<String> all() {
        return List.of(samples, accepted, review, quarantined, reviewDecisions, featureSetVersions, deadLetters);
    }

    /** The routes a screened sample can be on: accepted, review, quarantined. */
    public List<String> routes() {
        return List.of(accepted, review, quarantined);
    }

    /** The topics keyed by sample id that the review ledger reads together: they must share a partition count. */
    public List<String> keyedBySampleId() {
        return List.of(accepted, review, quarantined, reviewDecisions);
    }
}
