package dev.emscreen.features;

import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.encoder.UnscreenableTextException;
import dev.emscreen.features.scoring.Routing;
import dev.emscreen.features.scoring.Score;
import dev.emscreen.features.scoring.TokenAttribution;
import dev.emscreen.records.Decision;
import java.util.ArrayList;
import java.util.List;

/**
 * Text in, verdicts out: encoder → SAE → pooling → {@link dev.emscreen.features.scoring.ProximityScorer}
 * → routing. The trainer's evaluation, the offline scorer and the stream all screen through this
 * class, so a sample's score is the same wherever it is computed.
 */
public final class Screener {

    /**
     * The outcome for one text: a score and decision (with the thresholds that made it), or the reason
     * it could not be screened. {@code audited}: sent to review by the set's review audit, which the
     * score alone would have accepted.
     */
    public record Screening(Score score, Decision decision, Routing routing, boolean truncated, boolean audited,
                            UnscreenableTextException error) {

        public boolean failed() {
            return error != null;
        }
    }

    private final TextEncoder encoder;
    private final FeatureSet featureSet;
    private final int topFeatures;

    public Screener(TextEncoder encoder, FeatureSet featureSet, int topFeatures) {
        String expected = featureSet.manifest().encoder().id();
        if (!expected.equals(encoder.id())) {
            throw new IllegalArgumentException("Feature set " + featureSet.version() + " was built on encoder " + expected
                    + ", not " + encoder.id() + ": its SAE reads that model's hidden states only");
        }
        if (encoder.dimension() != featureSet.sae().dModel()) {
            throw new IllegalArgumentException("Encoder " + encoder.id() + " has " + encoder.dimension()
                    + " dimensions; the SAE expects " + featureSet.sae().dModel());
        }
        this.encoder = encoder;
        this.featureSet = featureSet;
        this.topFeatures = topFeatures;
    }

    public FeatureSet featureSet() {
        return featureSet;
    }

    /** Where a batch's time went: the stream reports encoder and SAE latency apart. */
    public record Batch(List<Screening> screenings, long encoderNanos, long scoringNanos) {
    }

    /** One result per text, in order, routed by the global thresholds; a text that cannot be screened does not fail the others. */
    public List<Screening> screen(List<ChatText> texts) {
        return screenTimed(texts, null, null).screenings();
    }

    /** As {@link #screen(List)}, each text routed by its domain's thresholds ({@code domains}: one per text, null entries allowed). */
    public List<Screening> screen(List<ChatText> texts, List<String> domains) {
        return screenTimed(texts, domains, null).screenings();
    }

    /** As {@link #screen(List, List)}, with the set's review audit drawn by each sample's id ({@code ids}: one per text). */
    public List<Screening> screen(List<ChatText> texts, List<String> domains, List<String> ids) {
        return screenTimed(texts, domains, ids).screenings();
    }

    /**
     * As {@link #screen(List, List)}, with the time spent in the encoder and in SAE + scoring.
     *
     * @param domains one per text (an entry may be null), or null for none
     * @param ids     each sample's id, which a random audit draws by; null for none (then no sample is drawn at random)
     */
    public Batch screenTimed(List<ChatText> texts, List<String> domains, List<String> ids) {
        if (domains != null && domains.size() != texts.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + domains.size() + " domains");
        }
        if (ids != null && ids.size() != texts.size()) {
            throw new IllegalArgumentException(texts.size() + " texts but " + ids.size() + " ids");
        }
        long start = System.nanoTime();
        List<TokenStates> states;
        try {
            states = encoder.encode(texts);
        } catch (UnscreenableTextException batchFailure) {
            // One bad text fails the whole batch in the encoder; alone, the others still pass.
            List<Screening> alone = new ArrayList<>(texts.size());
            for (int i = 0; i < texts.size(); i++) {
                alone.add(screenAlone(texts.get(i), domains == null ? null : domains.get(i), ids == null ? null : ids.get(i)));
            }
            return new Batch(alone, System.nanoTime() - start, 0);
        }
        long encoded = System.nanoTime();
        List<Screening> results = new ArrayList<>(texts.size());
        for (int i = 0; i < states.size(); i++) {
            results.add(screen(states.get(i), domains == null ? null : domains.get(i), ids == null ? null : ids.get(i)));
        }
        return new Batch(results, encoded - start, System.nanoTime() - encoded);
    }

    /** Scores token states already computed (the trainer encodes once and scores many ways); global thresholds. */
    public Screening screen(TokenStates states) {
        return screen(states, null);
    }

    /** As {@link #screen(TokenStates)}, routed by {@code domain}'s thresholds where the set has its own. */
    public Screening screen(TokenStates states, String domain) {
        return screen(states, domain, null);
    }

    /** As {@link #screen(TokenStates, String)}, with the set's review audit ({@code id} draws a random one; null: not drawn). */
    public Screening screen(TokenStates states, String domain, String id) {
        Score score = featureSet.score(states, topFeatures);
        Routing routing = featureSet.routing(domain);
        Routing.Routed routed = routing.route(score.value(), id);
        return new Screening(score, routed.decision(), routing, states.truncated(), routed.audited(), null);
    }

    /** A screening with the response's stretches highlighted by how much they drive its score. */
    public record Explained(Screening screening, TokenAttribution.Highlights highlights) {
    }

    /**
     * Screens one text as {@link #screen(List, List)} does and attributes its score to the response's
     * tokens and words: the review console asks this on demand for the sample an annotator opens.
     */
    public Explained explain(ChatText text, String domain) {
        TokenStates states = encoder.encode(List.of(text)).get(0);
        return new Explained(screen(states, domain), featureSet.highlights(states, text));
    }

    private Screening screenAlone(ChatText text, String domain, String id) {
        try {
            return screen(encoder.encode(List.of(text)).get(0), domain, id);
        } catch (UnscreenableTextException e) {
            return new Screening(null, null, null, false, false, e);
        }
    }
}
