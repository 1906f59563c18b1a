package dev.emscreen.stream;

import dev.emscreen.schemas.Topics;
import java.util.List;

/** The topics one deployment of the stream uses; each defaults to the name in {@link Topics}. */
public record StreamTopicNames(String samples, String accepted, String review, String quarantined, String reviewDecisions,
                               String featureSetVersions, String deadLetters) {

    public static StreamTopicNames defaults() {
        return new StreamTopicNames(Topics.SAMPLES.name(), Topics.ACCEPTED.name(), Topics.REVIEW.name(),
                Topics.QUARANTINED.name(), Topics.REVIEW_DECISIONS.name(), Topics.FEATURE_SET_VERSIONS.name(), Topics.DLQ);
    }

    /** Every topic the stream reads or writes. */
    public List<String> all() {
        return List.of(samples, accepted, review, quarantined, reviewDecisions, featureSetVersions, deadLetters);
    }

    /** The topics keyed by sample id that the review ledger reads together: they must share a partition count. */
    public List<String> keyedBySampleId() {
        return List.of(accepted, review, quarantined, reviewDecisions);
    }
}
