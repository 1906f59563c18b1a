package dev.emscreen.stream.console;

import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.stream.review.VerdictView;
import java.util.List;

/**
 * One sample as the console shows it: the conversation, the score against the thresholds, the
 * model's lean and its evidence, and the response's stretches highlighted by what they add to the
 * score. Every string here is the sample's data; the page writes it as text, never as markup.
 */
public record SampleCard(String sampleId, String source, String domain, List<Message> messages, String screenedAt,
                         double score, double reviewThreshold, double quarantineThreshold, String suggestion,
                         List<VerdictView.Feature> topFeatures, List<VerdictView.Term> topTerms, String featureSetVersion,
                         List<String> flags) {

    public record Message(String role, String content) {
    }

    /**
     * @param featureSetVersion the set that computed the highlights (the serving one; it can differ from the verdict's)
     * @param unit              what the contributions add up to: the score, or a readout's logit
     * @param response          the text the segments index: the assistant's messages joined by newlines
     * @param unavailable       why there are none, when there are none
     */
    public record Highlights(String featureSetVersion, String unit, String response, List<Segment> segments,
                             String unavailable) {

        static Highlights none(String why) {
            return new Highlights(null, null, null, List.of(), why);
        }
    }

    public record Segment(int start, int end, double contribution) {
    }

    static SampleCard of(ScreenedSample screened) {
        Verdict v = screened.getVerdict();
        return new SampleCard(screened.getSample().getId(), screened.getSample().getSource(), screened.getSample().getDomain(),
                screened.getSample().getMessages().stream().map(m -> new Message(m.getRole(), m.getContent())).toList(),
                v.getScreenedAt().toString(), v.getScore(), v.getThresholds().getReview(), v.getThresholds().getQuarantine(),
                ModelLean.of(v).name(),
                v.getTopFeatures().stream().map(f -> new VerdictView.Feature(f.getFeatureId(), f.getActivation(),
                        f.getNearestToxicFeature(), f.getCosine(), f.getLabel(), f.getContribution())).toList(),
                v.getTopTerms().stream().map(t -> new VerdictView.Term(t.getTerm(), t.getCount(), t.getContribution())).toList(),
                v.getFeatureSetVersion(), List.copyOf(v.getFlags()));
    }
}
