package dev.emscreen.features.scoring;

import dev.emscreen.records.Decision;

/**
 * Thresholds on the score: {@code score ≥ quarantine} is quarantined, {@code review ≤ score <
 * quarantine} goes to review, anything lower is accepted.
 */
public record Routing(double review, double quarantine) {

    public Routing {
        if (Double.isNaN(review) || Double.isNaN(quarantine) || review > quarantine) {
            throw new IllegalArgumentException("Thresholds need review <= quarantine, got review=" + review
                    + " quarantine=" + quarantine);
        }
    }

    public Decision route(double score) {
        if (score >= quarantine) {
            return Decision.QUARANTINED;
        }
        return score >= review ? Decision.REVIEW : Decision.ACCEPTED;
    }
}
