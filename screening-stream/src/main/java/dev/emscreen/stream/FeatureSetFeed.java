package dev.emscreen.stream;

import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Follows the registry's change feed (a global store: every instance sees every version) and loads
 * each version announced ACTIVE. The store is in memory, so on start the whole compacted topic is
 * replayed through here and the last ACTIVE entry wins, as it did before the restart.
 */
final class FeatureSetFeed implements Processor<String, FeatureSetVersion, Void, Void> {

    private final FeatureSetLoader loader;
    private final ActiveFeatureSet active;
    private KeyValueStore<String, FeatureSetVersion> versions;

    FeatureSetFeed(FeatureSetLoader loader, ActiveFeatureSet active) {
        this.loader = loader;
        this.active = active;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        versions = context.getStateStore(StoreNames.FEATURE_SET_VERSIONS);
    }

    @Override
    public void process(Record<String, FeatureSetVersion> record) {
        if (record.key() == null) {
            return;
        }
        if (record.value() == null) {
            versions.delete(record.key());
            return;
        }
        versions.put(record.key(), record.value());
        FeatureSetVersion version = record.value();
        boolean serving = active.version().filter(version.getVersion()::equals).isPresent();
        if (version.getStatus() == FeatureSetStatus.ACTIVE && !serving) {
            loader.load(version);
        }
    }
}
