package dev.emscreen.stream.featureset;

import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.schemas.registry.SchemaRegistryException;
import dev.emscreen.stream.topology.StoreNames;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.ProcessorSupplier;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Follows the registry's change feed (a global store: every instance sees every version) and loads
 * each version announced ACTIVE. The store is in memory, so on start the whole compacted topic is
 * replayed through here and the last ACTIVE entry wins, as it did before the restart.
 *
 * <p>Entries arrive as bytes and are decoded here: an entry that cannot be decoded because the schema
 * registry is unreachable, or whose bundle cannot be fetched because the registry is, is retried
 * (and readiness says why meanwhile); an entry that is simply unreadable is skipped and named.
 */
public final class FeatureSetFeed implements Processor<String, byte[], Void, Void> {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FeatureSetFeed.class);

    private final FeatureSetLoader loader;
    private final ActiveFeatureSet active;
    private final Function<byte[], FeatureSetVersion> decode;
    private final FeedRetry retry;
    private KeyValueStore<String, FeatureSetVersion> versions;
    // Guarded by this: the global thread adds entries, the retry thread may catch up on them.
    private final Map<String, byte[]> undecoded = new LinkedHashMap<>();
    private final List<FeatureSetVersion> decoded = new ArrayList<>();
    private FeatureSetVersion wanted;

    /**
     * Makes the feed's processor for the global store, and owns the retry timer it uses. Kafka Streams
     * does not close a global store's processors when it stops, so the timer cannot end with the
     * processor: whoever owns the topology closes this, once the stream that runs it has stopped.
     */
    public static final class Supplier implements ProcessorSupplier<String, byte[], Void, Void>, AutoCloseable {

        private final FeatureSetLoader loader;
        private final ActiveFeatureSet active;
        private final Function<byte[], FeatureSetVersion> decode;
        private final FeedRetry retry;

        /** {@code decode} reads an entry's bytes; entries the registry cannot serve yet are retried {@code retryEvery}. */
        public Supplier(FeatureSetLoader loader, ActiveFeatureSet active, Function<byte[], FeatureSetVersion> decode,
                        Duration retryEvery) {
            this.loader = loader;
            this.active = active;
            this.decode = decode;
            this.retry = new FeedRetry(retryEvery);
        }

        @Override
        public FeatureSetFeed get() {
            return new FeatureSetFeed(loader, active, decode, retry);
        }

        /** Stops the retry timer; a retry still pending is dropped. */
        @Override
        public void close() {
            retry.close();
        }
    }

    FeatureSetFeed(FeatureSetLoader loader, ActiveFeatureSet active, Function<byte[], FeatureSetVersion> decode, FeedRetry retry) {
        this.loader = loader;
        this.active = active;
        this.decode = decode;
        this.retry = retry;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        versions = context.getStateStore(StoreNames.FEATURE_SET_VERSIONS);
    }

    @Override
    public void process(Record<String, byte[]> record) {
        if (record.key() == null) {
            return;
        }
        synchronized (this) {
            undecoded.remove(record.key());
            if (record.value() != null) {
                undecoded.put(record.key(), record.value());
            }
        }
        if (record.value() == null) {
            versions.delete(record.key());
        }
        if (catchUp()) {
            retry.cancel();
        } else {
            retry.retry("the feature-set feed (the registry cannot be reached)", this::catchUp);
        }
        List<FeatureSetVersion> toStore;
        synchronized (this) {
            toStore = List.copyOf(decoded);
            decoded.clear();
        }
        toStore.forEach(v -> versions.put(v.getVersion(), v));
    }

    /**
     * Decodes the entries waiting, in feed order, and loads the last one announced ACTIVE. False while
     * the registry cannot be reached (readiness says why meanwhile): to decode an entry (schema
     * registry) or to fetch the wanted bundle (artifact store). All entries wait together, because the
     * one that matters may be any of them: a promotion writes the new set ACTIVE and the old RETIRED.
     */
    private synchronized boolean catchUp() {
        for (var it = undecoded.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, byte[]> entry = it.next();
            try {
                FeatureSetVersion version = decode.apply(entry.getValue());
                decoded.add(version);
                if (version.getStatus() == FeatureSetStatus.ACTIVE) {
                    wanted = version;
                }
            } catch (SchemaRegistryException e) {
                active.refused("cannot read feature-set feed entry " + entry.getKey() + ": " + e.getMessage() + "; retrying");
                return false;
            } catch (RuntimeException e) {
                LOG.warn("Skipped unreadable feature-set feed entry {}: {}", entry.getKey(), e.getMessage());
            }
            it.remove();
        }
        if (wanted != null && active.version().filter(wanted.getVersion()::equals).isEmpty()) {
            try {
                loader.load(wanted); // serves it, or refuses it for good (a bad bundle): either way done
            } catch (FeatureSetLoader.SourceUnavailable unreachable) {
                return false;
            }
        }
        wanted = null;
        return true;
    }
}
