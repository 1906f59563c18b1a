package dev.emscreen.stream;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Wires the plain topology classes into Quarkus: one place that reads configuration. */
@ApplicationScoped
public class TopologyProducer {

    private static final Logger LOG = LoggerFactory.getLogger(TopologyProducer.class);

    @Produces
    @Singleton
    ActiveFeatureSet activeFeatureSet(ScreeningMetrics metrics) {
        ActiveFeatureSet active = new ActiveFeatureSet();
        active.onActivation(set -> metrics.activated(set.version()));
        return active;
    }

    @Produces
    @Singleton
    ScreeningMetrics metrics(MeterRegistry registry) {
        return new ScreeningMetrics(registry);
    }

    @Produces
    @Singleton
    FeatureSetLoader loader(ActiveFeatureSet active, StreamConfig config) {
        return new FeatureSetLoader(active, config.featureSet().cacheDir(), config.truncation(), config.topFeatures());
    }

    @Produces
    @Singleton
    StreamSettings settings(StreamConfig config, Config all) {
        return new StreamSettings(config.topicNames(), config.batch().size(), config.batch().maxWait(), config.topFeatures(),
                config.truncation(), config.maxTextChars(), serdeConfig(all));
    }

    @Produces
    Topology topology(StreamSettings settings, ActiveFeatureSet active, FeatureSetLoader loader, ScreeningMetrics metrics) {
        return ScreeningTopology.build(settings, active, loader, metrics);
    }

    /**
     * A stream thread that dies (a schema registry that cannot be reached, say) is replaced: it
     * resumes from the last committed transaction, so nothing is lost or doubled, and the
     * service heals without a restart.
     */
    @Produces
    @Singleton
    StreamsUncaughtExceptionHandler replaceDeadThreads() {
        return error -> {
            LOG.error("A stream thread failed; replacing it (it resumes from the last commit)", error);
            return StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse.REPLACE_THREAD;
        };
    }

    /** The serdes read registry settings as Kafka clients do: everything under kafka-streams.*, plus the URL. */
    static Map<String, Object> serdeConfig(Config all) {
        Map<String, Object> serde = new HashMap<>(kafkaStreamsProperties(all));
        all.getOptionalValue("quarkus.kafka-streams.schema-registry-url", String.class)
                .ifPresent(url -> serde.put("schema.registry.url", url));
        return serde;
    }

    /** The {@code kafka-streams.*} pass-through properties, prefix removed, as Quarkus hands them to Kafka Streams. */
    static Map<String, String> kafkaStreamsProperties(Config all) {
        Map<String, String> properties = new HashMap<>();
        for (String name : all.getPropertyNames()) {
            if (name.startsWith("kafka-streams.")) {
                all.getOptionalValue(name, String.class)
                        .ifPresent(v -> properties.put(name.substring("kafka-streams.".length()), v));
            }
        }
        return properties;
    }
}
