package dev.emscreen.stream.console;

import dev.emscreen.records.ReviewAction;
import dev.emscreen.records.Verdict;

/**
 * The model's suggestion for a sample it sent to review: the review band runs from the review
 * threshold to the quarantine threshold, and a score in its upper half leans to quarantine.
 */
final class ModelLean {

    private ModelLean() {
    }

    static ReviewAction of(Verdict verdict) {
        double middle = (verdict.getThresholds().getReview() + verdict.getThresholds().getQuarantine()) / 2;
        return verdict.getScore() >= middle ? ReviewAction.QUARANTINE : ReviewAction.ACCEPT;
    }
}
