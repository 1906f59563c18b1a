package dev.emscreen.stream.review;

import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.stream.ops.ScreeningMetrics;
import dev.emscreen.stream.topology.DeadLetterReason;
import dev.emscreen.stream.topology.DeadLetters;
import dev.emscreen.stream.topology.PendingSample;
import dev.emscreen.stream.topology.ScreeningTopology;
import dev.emscreen.stream.topology.StoreNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Joins an annotator's decision with the sample waiting for it and routes the sample to accepted
 * or quarantined, decided by HUMAN. A decision must reach the partition that holds its sample: one
 * keyed otherwise is re-published once under its sample id (in the same transaction) and handled
 * when it comes round.
 */
public final class ReviewDecisionJoiner implements Processor<byte[], byte[], Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewDecisionJoiner.class);

    private final Deserializer<ReviewDecision> decisions;
    private final ScreeningMetrics metrics;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<String, Verdict> verdicts;
    private KeyValueStore<String, ScreenedSample> pending;

    public ReviewDecisionJoiner(Deserializer<ReviewDecision> decisions, ScreeningMetrics metrics) {
        this.decisions = decisions;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        verdicts = context.getStateStore(StoreNames.VERDICTS);
        pending = context.getStateStore(StoreNames.PENDING_REVIEWS);
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        var meta = context.recordMetadata().orElseThrow();
        PendingSample original = PendingSample.of(record, meta);
        ReviewDecision decision;
        try {
            if (record.value() == null) {
                throw new SerializationException("the record has no value");
            }
            decision = decisions.deserialize(meta.topic(), record.headers(), record.value());
        } catch (SerializationException e) {
            deadLetter(original, DeadLetterReason.of(e), e.getMessage());
            return;
        }
        String sampleId = decision.getSampleId();
        byte[] idBytes = sampleId.getBytes(StandardCharsets.UTF_8);
        if (!Arrays.equals(idBytes, record.key())) {
            context.forward(new Record<>(idBytes, record.value(), record.timestamp(), record.headers()),
                    ScreeningTopology.SINK_DECISIONS_REKEYED);
            return;
        }
        ScreenedSample waiting = pending.get(sampleId);
        if (waiting != null) {
            ScreenedSample decided = Verdicts.byHuman(waiting, decision);
            pending.delete(sampleId);
            verdicts.put(sampleId, decided.getVerdict());
            context.forward(new Record<>(sampleId, decided, record.timestamp(), record.headers()),
                    ScreeningTopology.sinkFor(decided.getVerdict().getDecision()));
            metrics.routed(decided.getVerdict().getDecision(), decided.getVerdict().getScore());
            return;
        }
        Verdict known = verdicts.get(sampleId);
        if (known != null && known.getDecidedBy() == DecisionSource.HUMAN) {
            if (known.getDecision() == Verdicts.decisionOf(decision.getAction())) {
                LOG.debug("Repeated decision for {} ignored", sampleId);
                return; // the same ruling again changes nothing
            }
            deadLetter(original, DeadLetterReason.CONFLICTING_DECISION, "sample " + sampleId + " was already decided "
                    + known.getDecision() + " by " + known.getAnnotator() + "; " + decision.getAnnotator() + " says "
                    + decision.getAction());
            return;
        }
        deadLetter(original, DeadLetterReason.UNKNOWN_SAMPLE, "no sample " + sampleId + " is waiting for review"
                + (known == null ? "" : " (it was " + known.getDecision() + " by the model)"));
    }

    private void deadLetter(PendingSample original, DeadLetterReason reason, String error) {
        DeadLetters.send(context, metrics, original, reason, error);
    }
}
