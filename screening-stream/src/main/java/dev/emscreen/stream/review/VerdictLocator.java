package dev.emscreen.stream.review;

import dev.emscreen.records.Verdict;
import dev.emscreen.stream.topology.StoreNames;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.QueryableStoreTypes;

/**
 * Finds a sample's verdict among the instances: verdicts are partitioned by sample id, so one
 * instance holds each. Answers here when the partition is active here, else names the owner.
 */
public final class VerdictLocator {

    /** Where the answer is. */
    public sealed interface Location permits Here, Elsewhere, Unavailable {
    }

    /** Held here; {@code verdict} is null when the sample is unknown. */
    public record Here(Verdict verdict) implements Location {
    }

    /** Held by another instance. */
    public record Elsewhere(HostInfo owner) implements Location {
    }

    /** Nobody can answer now (starting, rebalancing). */
    public record Unavailable(String why) implements Location {
    }

    private final KafkaStreams streams;

    public VerdictLocator(KafkaStreams streams) {
        this.streams = streams;
    }

    public Location locate(String sampleId) {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return new Unavailable("the stream is " + streams.state() + "; verdicts can be queried once it is RUNNING");
        }
        try {
            KeyQueryMetadata where = streams.queryMetadataForKey(StoreNames.VERDICTS, sampleId, new StringSerializer());
            if (where == null || KeyQueryMetadata.NOT_AVAILABLE.equals(where)) {
                return new Unavailable("the verdict store is not available (the stream is starting or rebalancing)");
            }
            try {
                // Asked of the one partition that holds the id: it answers only if that partition is active here.
                return new Here(streams.store(StoreQueryParameters.fromNameAndType(StoreNames.VERDICTS,
                        QueryableStoreTypes.<String, Verdict>keyValueStore()).withPartition(where.partition())).get(sampleId));
            } catch (InvalidStateStoreException notHere) {
                return new Elsewhere(where.activeHost());
            }
        } catch (InvalidStateStoreException e) {
            return new Unavailable("the verdict store is not queryable right now: " + e.getMessage());
        }
    }
}
