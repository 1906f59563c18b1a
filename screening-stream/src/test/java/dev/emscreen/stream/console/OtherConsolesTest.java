package dev.emscreen.stream.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.emscreen.stream.topology.StoreNames;
import java.util.List;
import java.util.Set;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.streams.state.HostInfo;
import org.apache.kafka.streams.state.internals.StreamsMetadataImpl;
import org.junit.jupiter.api.Test;

/** Where the rest of the review queue is, by the instances' interactive-query metadata. */
class OtherConsolesTest {

    private static final HostInfo SELF = new HostInfo("stream-0.emscreen", 8080);

    @Test
    void pointsAtEveryOtherInstanceHoldingReviewPartitionsButNotAtItself() {
        var self = instance(SELF, 0);
        var second = instance(new HostInfo("stream-1.emscreen", 8080), 1);
        var third = instance(new HostInfo("stream-2.emscreen", 8080), 2);
        var idle = new StreamsMetadataImpl(new HostInfo("stream-3.emscreen", 8080), Set.of(StoreNames.PENDING_REVIEWS),
                Set.of(), Set.of(), Set.of());

        assertThat(OtherConsoles.of(List.of(third, self, idle, second), SELF))
                .containsExactly("http://stream-1.emscreen:8080/review/", "http://stream-2.emscreen:8080/review/");
        assertThat(OtherConsoles.of(List.of(self), SELF)).as("one instance: the whole queue is here").isEmpty();
    }

    private static StreamsMetadataImpl instance(HostInfo host, int partition) {
        return new StreamsMetadataImpl(host, Set.of(StoreNames.PENDING_REVIEWS),
                Set.of(new TopicPartition("screening.review", partition)), Set.of(), Set.of());
    }
}
