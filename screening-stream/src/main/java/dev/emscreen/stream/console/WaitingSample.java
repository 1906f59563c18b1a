package dev.emscreen.stream.console;

import dev.emscreen.records.ScreenedSample;
import java.time.Instant;

/** What the queue needs to know of a waiting sample to order and filter it; the sample itself stays in the store. */
record WaitingSample(String sampleId, double score, String domain, String featureSetVersion, Instant since) {

    static WaitingSample of(String sampleId, ScreenedSample screened) {
        return new WaitingSample(sampleId, screened.getVerdict().getScore(), screened.getSample().getDomain(),
                screened.getVerdict().getFeatureSetVersion(), screened.getVerdict().getScreenedAt());
    }
}
