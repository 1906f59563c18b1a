package dev.emscreen.stream.console;

import dev.emscreen.features.Screener;
import dev.emscreen.features.scoring.TokenAttribution;
import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.UnscreenableTextException;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.stream.featureset.ActiveFeatureSet;

/**
 * Highlights a sample's response with the {@link Screener} that serves the stream, asked when the
 * sample is opened: the verdict record stays as it is, and the highlights come from the same
 * encoder, SAE and scorer that produce verdicts.
 */
final class Highlighter {

    private final ActiveFeatureSet active;

    Highlighter(ActiveFeatureSet active) {
        this.active = active;
    }

    SampleCard.Highlights of(ScreenedSample screened) {
        ChatText text;
        try {
            text = ChatText.of(screened.getSample().getMessages());
        } catch (UnscreenableTextException e) {
            return SampleCard.Highlights.none("the sample cannot be encoded: " + e.getMessage());
        }
        String domain = screened.getSample().getDomain();
        try {
            return active.use(set -> {
                TokenAttribution.Highlights h = set.screener().explain(text, domain).highlights();
                return new SampleCard.Highlights(set.version(), h.unit(), h.response(), h.segments(), null);
            }).orElseGet(() -> SampleCard.Highlights.none("no feature set is serving yet"));
        } catch (UnscreenableTextException e) {
            return SampleCard.Highlights.none("the encoder could not read the sample: " + e.getMessage());
        }
    }
}
