package dev.emscreen.stream.topology;

import dev.emscreen.schemas.TopicNames;
import dev.emscreen.features.encoder.Truncation;
import java.time.Duration;
import java.util.Map;

/**
 * What the topology needs to know, free of Quarkus so tests and the benchmark build the very
 * same topology.
 *
 * @param batchSize    samples per encoder batch (per task)
 * @param maxWait      longest a sample waits for its batch to fill
 * @param topFeatures  contributing features recorded in each verdict
 * @param truncation   what to do with text over the encoder's token limit
 * @param maxTextChars texts longer than this are dead-lettered before tokenizing (bounds the work one record can cause)
 * @param serdeConfig  schema-registry settings for the Avro serdes (schema.registry.url, auth, TLS)
 */
public record StreamSettings(TopicNames topics, int batchSize, Duration maxWait, int topFeatures,
                             Truncation truncation, int maxTextChars, Map<String, ?> serdeConfig) {

    public StreamSettings {
        if (batchSize < 1) {
            throw new IllegalArgumentException("emscreen.batch.size must be at least 1, got " + batchSize);
        }
        if (maxWait.isNegative() || maxWait.isZero()) {
            throw new IllegalArgumentException("emscreen.batch.max-wait must be positive, got " + maxWait);
        }
        if (maxTextChars < 1) {
            throw new IllegalArgumentException("emscreen.max-text-chars must be positive, got " + maxTextChars);
        }
        serdeConfig = Map.copyOf(serdeConfig);
    }
}
