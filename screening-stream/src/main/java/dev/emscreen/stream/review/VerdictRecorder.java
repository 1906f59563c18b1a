package dev.emscreen.stream.review;

import dev.emscreen.records.Decision;
import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.stream.topology.StoreNames;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Reads the three route topics back (keyed by sample id) into the verdict store the HTTP endpoint
 * queries, and keeps the samples on the review topic that still wait for an annotator.
 */
public final class VerdictRecorder implements Processor<String, ScreenedSample, Void, Void> {

    private KeyValueStore<String, Verdict> verdicts;
    private KeyValueStore<String, ScreenedSample> pending;

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        verdicts = context.getStateStore(StoreNames.VERDICTS);
        pending = context.getStateStore(StoreNames.PENDING_REVIEWS);
    }

    @Override
    public void process(Record<String, ScreenedSample> record) {
        ScreenedSample screened = record.value();
        if (record.key() == null || screened == null) {
            return;
        }
        Verdict known = verdicts.get(record.key());
        Verdict arriving = screened.getVerdict();
        // A human ruling is final: the model's review verdict, read back later, must not reopen it.
        if (known != null && known.getDecidedBy() == DecisionSource.HUMAN && arriving.getDecidedBy() == DecisionSource.MODEL) {
            return;
        }
        verdicts.put(record.key(), arriving);
        if (arriving.getDecision() == Decision.REVIEW && arriving.getDecidedBy() == DecisionSource.MODEL) {
            pending.put(record.key(), screened);
        } else {
            pending.delete(record.key());
        }
    }
}
