package dev.emscreen.stream.console;

import dev.emscreen.records.ScreenedSample;
import dev.emscreen.stream.topology.StoreNames;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;

/**
 * The waiting samples of the partitions active on this instance: the stream's pending-reviews
 * store, which {@link dev.emscreen.stream.review.VerdictRecorder} fills from the review topic and the
 * decision join empties.
 */
final class StoreWaitingSamples implements WaitingSamples {

    private final KafkaStreams streams;

    StoreWaitingSamples(KafkaStreams streams) {
        this.streams = streams;
    }

    @Override
    public void forEach(BiConsumer<String, ScreenedSample> action) {
        try (KeyValueIterator<String, ScreenedSample> all = store().all()) {
            all.forEachRemaining(kv -> action.accept(kv.key, kv.value));
        } catch (InvalidStateStoreException e) { // a rebalance took a partition away mid-read
            throw new IllegalStateException("the review queue changed hands while being read (rebalancing): " + e.getMessage(), e);
        }
    }

    @Override
    public ScreenedSample get(String sampleId) {
        try {
            return store().get(sampleId);
        } catch (InvalidStateStoreException e) {
            throw new IllegalStateException("the review queue is not readable right now (rebalancing): " + e.getMessage(), e);
        }
    }

    private ReadOnlyKeyValueStore<String, ScreenedSample> store() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            throw new IllegalStateException("the stream is " + streams.state() + "; the review queue opens once it is RUNNING");
        }
        try {
            return streams.store(StoreQueryParameters.fromNameAndType(StoreNames.PENDING_REVIEWS,
                    QueryableStoreTypes.<String, ScreenedSample>keyValueStore()));
        } catch (InvalidStateStoreException e) {
            throw new IllegalStateException("the review queue is not readable right now (the stream is rebalancing): "
                    + e.getMessage(), e);
        }
    }
}
