package dev.emscreen.stream.featureset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.emscreen.features.bundle.FeatureSetVersions;
import dev.emscreen.features.bundle.Sha256;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.records.FeatureSetStatus;
import dev.emscreen.records.FeatureSetVersion;
import dev.emscreen.schemas.registry.SchemaRegistryException;
import dev.emscreen.stream.RefusingPort;
import dev.emscreen.stream.TestFeatureSets;
import dev.emscreen.stream.topology.StoreNames;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.Stores;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stream that meets the feed while the registry is down is not ready and says why; when the
 * registry comes back it serves, without a new promotion and without a restart.
 */
class FeatureSetFeedTest {

    @TempDir
    Path tmp;
    private final ActiveFeatureSet active = new ActiveFeatureSet();
    private final FeedRetry retry = new FeedRetry(Duration.ofMillis(200));

    @AfterEach
    void close() {
        retry.close();
        active.close();
    }

    @Test
    void anEntryTheSchemaRegistryCannotDecodeYetIsRetriedUntilItServes() throws Exception {
        TestFeatureSets.Built built = TestFeatureSets.build(tmp.resolve("set"), 0.3, 0.6);
        FeatureSetVersion entry = built.announce(FeatureSetStatus.ACTIVE);
        AtomicInteger calls = new AtomicInteger();
        FeatureSetFeed feed = feed(bytes -> {
            if (calls.incrementAndGet() <= 3) {
                throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE, "Schema registry http://registry:8081 cannot be reached: java.net.ConnectException");
            }
            return entry;
        });

        feed.process(new Record<>(entry.getVersion(), new byte[] {0, 0, 0, 0, 1}, 0L));

        assertThat(active.current()).isEmpty();
        assertThat(active.lastRefusal()).get().asString().contains("cannot read feature-set feed entry", "cannot be reached");
        awaitServing(built.version());
        assertThat(calls.get()).isGreaterThan(3);
        assertThat(active.lastRefusal()).isEmpty();
    }

    @Test
    void aBundleTheRegistryCannotServeYetIsFetchedWhenItIsBack() throws Exception {
        TestFeatureSets.Built built = TestFeatureSets.build(tmp.resolve("set"), 0.3, 0.6);
        try (RefusingPort registry = new RefusingPort()) {
            URI uri = registry.uri("/artifacts/" + Sha256.of(built.archive()));
            FeatureSetVersion entry = FeatureSetVersions.of(built.manifest(), FeatureSetStatus.ACTIVE, uri,
                    Sha256.of(built.archive()));
            FeatureSetFeed feed = feed(bytes -> entry);

            feed.process(new Record<>(entry.getVersion(), new byte[] {1}, 0L));

            assertThat(active.current()).isEmpty();
            assertThat(active.lastRefusal()).get().asString().contains("cannot reach " + uri);
            byte[] zip = Files.readAllBytes(built.archive());
            registry.serve("/artifacts/", exchange -> {
                exchange.sendResponseHeaders(200, zip.length);
                exchange.getResponseBody().write(zip);
                exchange.close();
            });
            awaitServing(built.version());
        }
    }

    @Test
    void entriesThatWaitedAreReadInFeedOrderAndTheLastActiveOneServes() throws Exception {
        // A promotion writes the new set ACTIVE and the old one RETIRED: the RETIRED entry comes last.
        TestFeatureSets.Built built = TestFeatureSets.build(tmp.resolve("set"), 0.3, 0.6);
        FeatureSetVersion promoted = built.announce(FeatureSetStatus.ACTIVE);
        FeatureSetVersion retired = FeatureSetVersions.withStatus(built.announce(FeatureSetStatus.ACTIVE), FeatureSetStatus.RETIRED);
        retired.setVersion("fs-old");
        AtomicBoolean registryUp = new AtomicBoolean(false);
        AtomicInteger decodes = new AtomicInteger();
        FeatureSetFeed feed = feed(bytes -> {
            decodes.incrementAndGet();
            if (!registryUp.get()) {
                throw new SchemaRegistryException(SchemaRegistryException.UNREACHABLE, SchemaRegistryException.UNREACHABLE,
                        "unreachable");
            }
            return bytes[0] == 1 ? promoted : retired;
        });

        feed.process(new Record<>(promoted.getVersion(), new byte[] {1}, 0L));
        feed.process(new Record<>("fs-old", new byte[] {2}, 0L));
        // A retry with the registry still down leaves both waiting, and nothing serves
        int byTheFeed = decodes.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> decodes.get() > byTheFeed);
        assertThat(active.current()).isEmpty();
        assertThat(active.lastRefusal()).get().asString().contains("retrying");

        registryUp.set(true);

        awaitServing(built.version());
    }

    private FeatureSetFeed feed(Function<byte[], FeatureSetVersion> decode) {
        FeatureSetLoader loader = new FeatureSetLoader(active, tmp.resolve("cache"), Truncation.TRUNCATE, 3);
        FeatureSetFeed feed = new FeatureSetFeed(loader, active, decode, retry);
        MockProcessorContext<Void, Void> context = new MockProcessorContext<>();
        KeyValueStore<String, FeatureSetVersion> store = Stores.keyValueStoreBuilder(
                Stores.inMemoryKeyValueStore(StoreNames.FEATURE_SET_VERSIONS), Serdes.String(), Serdes.serdeFrom(
                        (t, v) -> new byte[0], (t, b) -> (FeatureSetVersion) null)).withLoggingDisabled().build();
        store.init(context.getStateStoreContext(), store);
        context.addStateStore(store);
        feed.init(context);
        return feed;
    }

    private void awaitServing(String version) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(active.version()).contains(version));
    }
}
