package dev.emscreen.stream.topology;

import dev.emscreen.features.Screener;
import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.UnscreenableTextException;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.stream.featureset.ActiveFeatureSet;
import dev.emscreen.stream.featureset.ServingSet;
import dev.emscreen.stream.ops.ScreeningMetrics;
import dev.emscreen.stream.review.Verdicts;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes each sample, dead-letters what cannot be screened, and buffers the rest in a
 * changelogged store until a batch fills or waits too long; then screens the batch and routes
 * every sample. The buffer, the verdicts and the input offsets commit in one transaction, so a
 * crash can neither lose a buffered sample nor write its verdict twice.
 *
 * <p>One flush screens at most one batch. The buffer can hold far more: every sample that arrived
 * while no feature set was loaded (a restart with a backlog, a slow first load). Screening all of it
 * at once kept one transaction open for as long as that took; on a busy CPU that outlived
 * {@code transaction.timeout.ms}, the broker aborted it and fenced the stream (seen in the fault
 * suite, 93 s after start), and the encoder got the whole backlog in one call. Batch by batch,
 * Streams commits in between, and the backlog drains one batch per record or per punctuation.
 */
final class ScreeningProcessor implements Processor<byte[], byte[], Object, Object> {

    private static final Logger LOG = LoggerFactory.getLogger(ScreeningProcessor.class);

    private final StreamSettings settings;
    private final Deserializer<TrainingSample> samples;
    private final ActiveFeatureSet active;
    private final ScreeningMetrics metrics;
    private ProcessorContext<Object, Object> context;
    private KeyValueStore<Long, PendingSample> buffer;
    private long nextSequence;
    private int buffered;
    private long oldestBufferedAt;
    private long lastNoSetWarning;

    ScreeningProcessor(StreamSettings settings, Deserializer<TrainingSample> samples, ActiveFeatureSet active,
                       ScreeningMetrics metrics) {
        this.settings = settings;
        this.samples = samples;
        this.active = active;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<Object, Object> context) {
        this.context = context;
        this.buffer = context.getStateStore(StoreNames.BATCH_BUFFER);
        try (KeyValueIterator<Long, PendingSample> all = buffer.all()) {
            while (all.hasNext()) {
                nextSequence = Math.max(nextSequence, all.next().key + 1);
                buffered++;
            }
        }
        oldestBufferedAt = 0; // restored samples have waited long enough already
        Duration tick = Duration.ofMillis(Math.max(5, settings.maxWait().toMillis() / 4));
        context.schedule(tick, PunctuationType.WALL_CLOCK_TIME, now -> {
            if (buffered > 0 && now - oldestBufferedAt >= settings.maxWait().toMillis()) {
                flush();
            }
        });
    }

    @Override
    public void process(Record<byte[], byte[]> record) {
        PendingSample pending = PendingSample.of(record, context.recordMetadata().orElseThrow());
        try {
            check(pending, decode(pending));
        } catch (Rejected rejected) {
            deadLetter(pending, rejected.reason, rejected.getMessage());
            return;
        }
        if (buffered == 0) {
            oldestBufferedAt = context.currentSystemTimeMs();
        }
        buffer.put(nextSequence++, pending);
        buffered++;
        if (buffered >= settings.batchSize()) {
            flush();
        }
    }

    /** Screens and routes the oldest batch buffered, unless no feature set is loaded yet (then it waits, safely stored). */
    private void flush() {
        if (active.current().isEmpty()) {
            warnNoFeatureSet(); // nothing to screen with: leave the buffer alone rather than re-read it per record
            return;
        }
        List<KeyValue<Long, PendingSample>> batch = new ArrayList<>(Math.min(buffered, settings.batchSize()));
        try (KeyValueIterator<Long, PendingSample> oldest = buffer.all()) {
            while (oldest.hasNext() && batch.size() < settings.batchSize()) {
                batch.add(oldest.next());
            }
        }
        List<TrainingSample> decoded = batch.stream().map(kv -> decode(kv.value)).toList();
        List<ChatText> texts = decoded.stream().map(s -> ChatText.of(s.getMessages())).toList();
        List<String> domains = decoded.stream().map(TrainingSample::getDomain).toList();
        List<String> ids = decoded.stream().map(TrainingSample::getId).toList();
        var outcome = active.use(set -> new Outcome(set, set.screener().screenTimed(texts, domains, ids)));
        if (outcome.isEmpty()) {
            warnNoFeatureSet();
            return;
        }
        Screener.Batch result = outcome.get().batch();
        metrics.batch(batch.size(), result.encoderNanos(), result.scoringNanos());
        Instant now = Instant.ofEpochMilli(context.currentSystemTimeMs());
        for (int i = 0; i < batch.size(); i++) {
            PendingSample pending = batch.get(i).value;
            Screener.Screening screening = result.screenings().get(i);
            if (screening.failed()) {
                UnscreenableTextException error = screening.error();
                deadLetter(pending, DeadLetterReason.of(error.reason()), error.getMessage());
            } else {
                ScreenedSample screened = Verdicts.byModel(decoded.get(i), screening, outcome.get().set(), now);
                metrics.routed(screening.decision(), screening.score().value());
                context.forward(new Record<>(decoded.get(i).getId(), screened, pending.timestamp(), pending.headers()),
                        ScreeningTopology.sinkFor(screening.decision()));
            }
            buffer.delete(batch.get(i).key);
        }
        buffered -= batch.size();
        // Anything left is backlog (the buffer outgrew a batch while no set was loaded): due at the next
        // punctuation, not a max-wait after now.
        oldestBufferedAt = 0;
    }

    private record Outcome(ServingSet set, Screener.Batch batch) {
    }

    private TrainingSample decode(PendingSample pending) {
        if (pending.value() == null) {
            throw new Rejected(DeadLetterReason.UNDECODABLE, "the record has no value (a tombstone is not a sample)");
        }
        try {
            return samples.deserialize(pending.topic(), pending.headers(), pending.value());
        } catch (SerializationException e) {
            throw new Rejected(DeadLetterReason.of(e), e.getMessage());
        }
    }

    /** What can be refused before the encoder runs is refused here, so a batch holds only screenable samples. */
    private void check(PendingSample pending, TrainingSample sample) {
        if (sample.getId() == null || sample.getId().isBlank()) {
            throw new Rejected(DeadLetterReason.MISSING_ID, "the sample has no id");
        }
        long chars = sample.getMessages().stream().mapToLong(m -> m.getContent().length()).sum();
        if (chars > settings.maxTextChars()) {
            throw new Rejected(DeadLetterReason.TOO_LONG, "the sample has " + chars + " characters; the limit is "
                    + settings.maxTextChars() + " (emscreen.max-text-chars)");
        }
        try {
            ChatText.of(sample.getMessages());
        } catch (UnscreenableTextException e) {
            throw new Rejected(DeadLetterReason.of(e.reason()), e.getMessage());
        }
    }

    private void deadLetter(PendingSample pending, DeadLetterReason reason, String error) {
        DeadLetters.send(context, metrics, pending, reason, error);
    }

    private void warnNoFeatureSet() {
        long now = context.currentSystemTimeMs();
        if (now - lastNoSetWarning > 30_000) {
            lastNoSetWarning = now;
            LOG.warn("{} samples wait in the batch buffer: no feature set is loaded yet ({})", buffered,
                    active.lastRefusal().orElse("none announced"));
        }
    }

    private static final class Rejected extends RuntimeException {
        private final DeadLetterReason reason;

        Rejected(DeadLetterReason reason, String message) {
            super(message, null, false, false);
            this.reason = reason;
        }
    }
}
