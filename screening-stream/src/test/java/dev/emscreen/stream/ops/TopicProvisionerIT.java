package dev.emscreen.stream.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.emscreen.kafka.junit.KafkaBrokerExtension;
import dev.emscreen.schemas.TopicNames;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.DescribeTopicsResult;
import org.apache.kafka.clients.admin.ForwardingAdmin;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicCollection;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;
import org.apache.kafka.common.internals.KafkaFutureImpl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Provisioning against a real broker. The KRaft race it must survive (a describe that reaches a broker
 * before the new topic's metadata does) cannot be provoked on demand, so an admin in front of the real
 * one answers the first describes the way such a broker does.
 */
class TopicProvisionerIT {

    @RegisterExtension
    static final KafkaBrokerExtension KAFKA = new KafkaBrokerExtension();

    @Test
    void topicsNotYetKnownRightAfterCreationAreDescribedOnceTheyAre() {
        TopicNames topics = fresh();
        try (LaggingAdmin admin = new LaggingAdmin(2, new UnknownTopicOrPartitionException("not hosted here yet"))) {
            List<String> problems = TopicProvisioner.provision(admin, topics, 3, (short) 1, 1 << 20);

            assertThat(problems).isEmpty();
            assertThat(admin.describes.get()).isEqualTo(3);
        }
        try (Admin admin = KAFKA.admin()) {
            assertThat(admin.listTopics().names()).succeedsWithin(Duration.ofSeconds(30))
                    .satisfies(names -> assertThat(names).containsAll(topics.all()));
        }
    }

    @Test
    void aTopicThatStaysUnknownIsReportedOnceThePatienceIsSpent() {
        TopicNames topics = fresh();
        try (Admin real = KAFKA.admin()) {
            assertThat(TopicProvisioner.provision(real, topics, 3, (short) 1, 1 << 20)).isEmpty();
        }
        try (LaggingAdmin admin = new LaggingAdmin(Integer.MAX_VALUE, new UnknownTopicOrPartitionException("gone"))) {
            assertThatThrownBy(() -> TopicProvisioner.describeOnceKnown(admin, topics.keyedBySampleId(), Duration.ofMillis(400)))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(UnknownTopicOrPartitionException.class);
            assertThat(admin.describes.get()).isGreaterThan(1);
        }
    }

    @Test
    void anyOtherDescribeFailureIsReportedAtOnce() {
        TopicNames topics = fresh();
        try (LaggingAdmin admin = new LaggingAdmin(1, new TopicAuthorizationException(Set.copyOf(topics.all())))) {
            List<String> problems = TopicProvisioner.provision(admin, topics, 3, (short) 1, 1 << 20);

            assertThat(problems).singleElement().asString().startsWith("cannot describe topics");
            assertThat(admin.describes.get()).isEqualTo(1);
        }
    }

    private static TopicNames fresh() {
        String s = "-" + UUID.randomUUID();
        return new TopicNames("samples" + s, "accepted" + s, "review" + s, "quarantined" + s, "decisions" + s,
                "versions" + s, "dlq" + s);
    }

    /** The real broker's admin, except that its first {@code failures} describes fail with {@code error}. */
    private static final class LaggingAdmin extends ForwardingAdmin {
        final AtomicInteger describes = new AtomicInteger();
        private final int failures;
        private final ApiException error;

        LaggingAdmin(int failures, ApiException error) {
            super(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.bootstrapServers()));
            this.failures = failures;
            this.error = error;
        }

        @Override
        public DescribeTopicsResult describeTopics(TopicCollection topics, DescribeTopicsOptions options) {
            if (describes.incrementAndGet() > failures) {
                return super.describeTopics(topics, options);
            }
            Map<String, KafkaFuture<TopicDescription>> failed = new HashMap<>();
            for (String name : ((TopicCollection.TopicNameCollection) topics).topicNames()) {
                KafkaFutureImpl<TopicDescription> future = new KafkaFutureImpl<>();
                future.completeExceptionally(error);
                failed.put(name, future);
            }
            return new DescribeTopicsResult(null, failed) { };
        }
    }
}
