package dev.emscreen.stream.topology;

/** The topology's state stores; the interactive query reads {@link #VERDICTS}. */
public final class StoreNames {

    /** Samples waiting for their encoder batch (changelogged: the exactly-once buffer). */
    public static final String BATCH_BUFFER = "screening-batch-buffer";
    /** Samples on the review topic waiting for an annotator. */
    public static final String PENDING_REVIEWS = "pending-reviews";
    /** The current verdict of every sample, by sample id. */
    public static final String VERDICTS = "verdicts";
    /** The registry change feed, by version. */
    public static final String FEATURE_SET_VERSIONS = "feature-set-versions";

    private StoreNames() {
    }
}
