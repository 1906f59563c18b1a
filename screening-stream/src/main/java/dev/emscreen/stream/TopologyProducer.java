package dev.emscreen.stream;

import dev.emscreen.stream.featureset.ActiveFeatureSet;
import dev.emscreen.stream.featureset.FeatureSetLoader;
import dev.emscreen.stream.ops.ScreeningMetrics;
import dev.emscreen.stream.topology.ScreeningTopology;
import dev.emscreen.stream.topology.StreamSettings;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
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
        active.onActivation(set -> metrics.activated(set.version(), set.encoderDevice(), set.saeDevice()));
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
                config.truncation(), config.maxTextChars(), StreamClientSettings.serdes(all));
    }

    /**
     * One topology for the one KafkaStreams the extension runs (a Topology bean). A singleton, not
     * dependent, so that it is disposed exactly once at shutdown; no client proxy, as Kafka Streams
     * needs the topology itself.
     */
    @Produces
    @Singleton
    ScreeningTopology topology(StreamSettings settings, ActiveFeatureSet active, FeatureSetLoader loader,
                               ScreeningMetrics metrics) {
        return ScreeningTopology.build(settings, active, loader, metrics);
    }

    /**
     * Stops what the topology started (the feed's retry). Beans are destroyed after the shutdown event
     * on which the extension closes KafkaStreams, so the stream has stopped using it by now.
     */
    void closeTopology(@Disposes ScreeningTopology topology) {
        topology.close();
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
}
