package dev.emscreen.stream.console;

import dev.emscreen.features.scoring.TokenAttribution;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.stream.review.VerdictView;
import java.util.List;

/**
 * One sample as the console shows it: the conversation, the score against the thresholds, the
 * model's lean and its evidence; the response's highlights ({@link Highlights}) are fetched after the
 * card is shown, as the encoder runs for them. Every string here is the sample's data; the page writes it as text, never as markup.
 */
public record SampleCard(String sampleId, String source, String domain, List<Message> messages, String screenedAt,
                         double score, double reviewThreshold, double quarantineThreshold, String suggestion,
                         List<VerdictView.Feature> topFeatures, List<VerdictView.Term> topTerms,
                         Double hiddenStateContribution, String featureSetVersion, List<String> flags) {

    public record Message(String role, String content) {
    }

    /**
     * @param featureSetVersion the set that computed the highlights (the serving one; it can differ from the verdict's)
     * @param unit              what the contributions add up to: the score, or a readout's logit
     * @param response          the text the segments index: the assistant's messages joined by newlines
     * @param unavailable       why there are none, when there are none
     */
    public record Highlights(String featureSetVersion, String unit, String response, List<TokenAttribution.Segment> segments,
                             String unavailable) {

        static Highlights none(String why) {
            return new Highlights(null, null, null, List.of(), why);
        }
    }

    /** The verdict's part as the verdict endpoint shows it ({@link VerdictView}), beside the conversation and the lean. */
    static SampleCard of(ScreenedSample screened) {
        String id = screened.getSample().getId();
        VerdictView v = VerdictView.of(id, screened.getVerdict());
        return new SampleCard(id, screened.getSample().getSource(), screened.getSample().getDomain(),
                screened.getSample().getMessages().stream().map(m -> new Message(m.getRole(), m.getContent())).toList(),
                v.screenedAt(), v.score(), v.reviewThreshold(), v.quarantineThreshold(), ModelLean.of(screened.getVerdict()).name(),
                v.topFeatures(), v.topTerms(), v.hiddenStateContribution(), v.featureSetVersion(), v.flags());
    }
}
