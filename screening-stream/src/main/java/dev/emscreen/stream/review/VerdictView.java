package dev.emscreen.stream.review;

import dev.emscreen.records.Verdict;
import java.util.List;

/**
 * A sample's verdict as JSON, for GET /samples/{id}/verdict.
 *
 * @param hiddenStateContribution what the encoder's mean state added to a learned readout's log-odds, beyond the
 *                                features and words listed; null when the set's scorer does not read it
 */
public record VerdictView(String sampleId, String decision, double score, double toxicMass, double reviewThreshold,
                          double quarantineThreshold, List<Feature> topFeatures, List<Term> topTerms,
                          Double hiddenStateContribution, String featureSetVersion, String encoderId,
                          String saeId, String screenedAt, String decidedBy, String annotator, String reviewReason,
                          List<String> flags) {

    public record Feature(int featureId, double activation, int nearestToxicFeature, double cosine, String label,
                          Double contribution) {
    }

    public record Term(String term, int count, double contribution) {
    }

    public static VerdictView of(String sampleId, Verdict v) {
        return new VerdictView(sampleId, v.getDecision().name(), v.getScore(), v.getToxicMass(), v.getThresholds().getReview(),
                v.getThresholds().getQuarantine(), v.getTopFeatures().stream()
                        .map(f -> new Feature(f.getFeatureId(), f.getActivation(), f.getNearestToxicFeature(), f.getCosine(),
                                f.getLabel(), f.getContribution()))
                        .toList(),
                v.getTopTerms().stream().map(t -> new Term(t.getTerm(), t.getCount(), t.getContribution())).toList(),
                v.getHiddenStateContribution(), v.getFeatureSetVersion(), v.getEncoderId(), v.getSaeId(),
                v.getScreenedAt().toString(), v.getDecidedBy().name(), v.getAnnotator(), v.getReviewReason(),
                List.copyOf(v.getFlags()));
    }
}
