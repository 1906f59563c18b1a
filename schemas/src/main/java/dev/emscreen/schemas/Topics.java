package dev.emscreen.schemas;

import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;

/** The default topic of every record EM Screen reads or writes. Every record key is a string. */
public final class Topics {

    public static final Topic<TrainingSample> SAMPLES = new Topic<>("screening.samples", TrainingSample.class);
    public static final Topic<ScreenedSample> ACCEPTED = new Topic<>("screening.accepted", ScreenedSample.class);
    public static final Topic<ScreenedSample> REVIEW = new Topic<>("screening.review", ScreenedSample.class);
    public static final Topic<ScreenedSample> QUARANTINED = new Topic<>("screening.quarantined", ScreenedSample.class);
    public static final Topic<ReviewDecision> REVIEW_DECISIONS =
            new Topic<>("screening.review-decisions", ReviewDecision.class);
    public static final Topic<FeatureSetVersion> FEATURE_SET_VERSIONS =
            new Topic<>("feature-registry.versions", FeatureSetVersion.class);

    /** Dead letters keep the original bytes; the reason, source topic, partition and offset travel in headers. */
    public static final String DLQ = "screening.dlq";

    private Topics() {
    }
}
