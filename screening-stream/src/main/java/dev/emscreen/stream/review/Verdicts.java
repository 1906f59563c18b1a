package dev.emscreen.stream.review;

import dev.emscreen.features.Screener;
import dev.emscreen.features.scoring.Routing;
import dev.emscreen.records.Decision;
import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.FeatureContribution;
import dev.emscreen.records.ReviewAction;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TermContribution;
import dev.emscreen.records.Thresholds;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.stream.featureset.ServingSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Builds the verdicts the stream writes: the model's, and an annotator's that overrides it. */
public final class Verdicts {

    /** Flag on a verdict whose text was cut to the encoder's token limit before screening. */
    public static final String TRUNCATED = "TRUNCATED";

    /**
     * Flag on a verdict sent to review by the feature set's review audit: its score alone would have
     * accepted it. Annotators see why it is there; a ruling on it is a label the audit chose (at random,
     * or where the set is least sure).
     */
    public static final String AUDIT = Routing.AUDIT_FLAG;

    private Verdicts() {
    }

    /** The model's verdict on a screened sample, naming the set, encoder and SAE it was made with. */
    public static ScreenedSample byModel(TrainingSample sample, Screener.Screening screening, ServingSet set, Instant now) {
        Routing routing = screening.routing();
        List<FeatureContribution> top = screening.score().top().stream()
                .map(c -> new FeatureContribution(c.featureId(), c.activation(), c.nearestToxicFeature(), c.cosine(), c.label(),
                        c.contribution()))
                .toList();
        List<TermContribution> terms = screening.score().terms().stream()
                .map(t -> new TermContribution(t.term(), t.count(), t.contribution()))
                .toList();
        List<String> flags = new ArrayList<>();
        if (screening.truncated()) {
            flags.add(TRUNCATED);
        }
        if (screening.audited()) {
            flags.add(AUDIT);
        }
        Verdict verdict = Verdict.newBuilder()
                .setDecision(screening.decision())
                .setScore(screening.score().value())
                .setToxicMass(screening.score().toxicMass())
                .setThresholds(new Thresholds(routing.review(), routing.quarantine()))
                .setTopFeatures(top)
                .setTopTerms(terms)
                .setFeatureSetVersion(set.version())
                .setEncoderId(set.encoder().id())
                .setSaeId(set.saeId())
                .setScreenedAt(now)
                .setDecidedBy(DecisionSource.MODEL)
                .setAnnotator(null)
                .setReviewReason(null)
                .setFlags(flags)
                .setHiddenStateContribution(screening.score().hiddenState())
                .build();
        return new ScreenedSample(sample, verdict);
    }

    /** The annotator's ruling on a sample that waited for review; the model's evidence stays for the record. */
    static ScreenedSample byHuman(ScreenedSample pending, ReviewDecision decision) {
        Verdict model = pending.getVerdict();
        // Field by field rather than newBuilder(model): Avro's deep copy resolves classes through the
        // thread's class loader, which under Quarkus test class loading is not the application's.
        Verdict verdict = Verdict.newBuilder()
                .setScore(model.getScore())
                .setToxicMass(model.getToxicMass())
                .setThresholds(model.getThresholds())
                .setTopFeatures(model.getTopFeatures())
                .setTopTerms(model.getTopTerms())
                .setFeatureSetVersion(model.getFeatureSetVersion())
                .setEncoderId(model.getEncoderId())
                .setSaeId(model.getSaeId())
                .setFlags(model.getFlags())
                .setHiddenStateContribution(model.getHiddenStateContribution())
                .setDecision(decisionOf(decision.getAction()))
                .setDecidedBy(DecisionSource.HUMAN)
                .setAnnotator(decision.getAnnotator())
                .setReviewReason(decision.getReason())
                .setScreenedAt(decision.getDecidedAt())
                .build();
        return new ScreenedSample(pending.getSample(), verdict);
    }

    static Decision decisionOf(ReviewAction action) {
        return action == ReviewAction.ACCEPT ? Decision.ACCEPTED : Decision.QUARANTINED;
    }
}
