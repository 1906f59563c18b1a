package dev.emscreen.stream.topology;

import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.schemas.registry.SchemaRegistryClient;
import dev.emscreen.schemas.registry.SchemaRegistryClients;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One typed place for the stream's Avro serdes, all on one schema-registry client. */
public final class ScreeningSerdes {

    private final Map<String, ?> config;
    private final SchemaRegistryClient registry;

    public ScreeningSerdes(Map<String, ?> config) {
        this.config = config;
        this.registry = SchemaRegistryClients.fromConfig(config);
    }

    public SpecificAvroSerde<TrainingSample> samples() {
        return serde(TrainingSample.class);
    }

    public SpecificAvroSerde<ScreenedSample> screened() {
        return serde(ScreenedSample.class);
    }

    public SpecificAvroSerde<ReviewDecision> decisions() {
        return serde(ReviewDecision.class);
    }

    public SpecificAvroSerde<FeatureSetVersion> versions() {
        return serde(FeatureSetVersion.class);
    }

    public SpecificAvroSerde<Verdict> verdicts() {
        return serde(Verdict.class);
    }

    private <T extends SpecificRecord> SpecificAvroSerde<T> serde(Class<T> type) {
        SpecificAvroSerde<T> serde = new SpecificAvroSerde<>(type, registry);
        serde.configure(config, false);
        return serde;
    }
}
