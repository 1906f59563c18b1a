package dev.emscreen.features.scoring;

import dev.emscreen.records.Decision;

/**
 * Thresholds on the score: {@code score ≥ quarantine} is quarantined, {@code review ≤ score <
 * quarantine} goes to review, anything lower is accepted, unless the set's {@link ReviewAudit} draws it:
 * then it goes to review too, flagged {@link #AUDIT_FLAG}. An audit never moves a sample out of review
 * or quarantine.
 */
public record Routing(double review, double quarantine, ReviewAudit audit) {

    /** The flag a verdict the audit sent to review carries (in {@code Verdict.flags}). */
    public static final String AUDIT_FLAG = "AUDIT";

    public Routing {
        if (Double.isNaN(review) || Double.isNaN(quarantine) || review > quarantine) {
            throw new IllegalArgumentException("Thresholds need review <= quarantine, got review=" + review
                    + " quarantine=" + quarantine);
        }
        if (audit == null) {
            throw new IllegalArgumentException("A routing needs an audit (ReviewAudit.NONE for none)");
        }
    }

    /** Thresholds without an audit. */
    public Routing(double review, double quarantine) {
        this(review, quarantine, ReviewAudit.NONE);
    }

    /** The same audit with other thresholds (a domain's own). */
    public Routing withThresholds(double newReview, double newQuarantine) {
        return new Routing(newReview, newQuarantine, audit);
    }

    /** The decision the score alone makes: no audit. */
    public Decision route(double score) {
        if (score >= quarantine) {
            return Decision.QUARANTINED;
        }
        return score >= review ? Decision.REVIEW : Decision.ACCEPTED;
    }

    /** A decision with the audit applied; {@code audited}: the audit alone sent it to review. */
    public record Routed(Decision decision, boolean audited) {
    }

    /** As {@link #route(double)}, with the audit applied to the sample {@code sampleId} (drawn once). */
    public Routed route(double score, String sampleId) {
        boolean audited = audits(score, sampleId);
        return new Routed(audited ? Decision.REVIEW : route(score), audited);
    }

    /** Whether the sample goes to review only because the audit drew it: the score alone would accept it. */
    public boolean audits(double score, String sampleId) {
        return score < review && audit.draws(score, sampleId);
    }
}
