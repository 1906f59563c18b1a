package dev.emscreen.stream.console;

import dev.emscreen.stream.topology.StoreNames;
import java.util.Collection;
import java.util.List;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.state.HostInfo;

/**
 * The consoles of the other instances that hold review partitions, found by the same interactive-query
 * metadata the verdict endpoint redirects by. When this instance's share of the queue is done, the page
 * points the annotator there.
 */
final class OtherConsoles {

    private final KafkaStreams streams;
    private final HostInfo self;

    OtherConsoles(KafkaStreams streams, HostInfo self) {
        this.streams = streams;
        this.self = self;
    }

    /** Their console addresses; empty while the stream is not running (nobody can say then). */
    List<String> addresses() {
        if (streams.state() != KafkaStreams.State.RUNNING) {
            return List.of();
        }
        return of(streams.streamsMetadataForStore(StoreNames.PENDING_REVIEWS), self);
    }

    static List<String> of(Collection<StreamsMetadata> hosting, HostInfo self) {
        return hosting.stream().filter(m -> !m.hostInfo().equals(self) && !m.topicPartitions().isEmpty())
                .map(m -> "http://" + m.host() + ":" + m.port() + "/review/").distinct().sorted().toList();
    }
}
