package dev.emscreen.stream.ops;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TopicProvisionerTest {

    /** The shipped settings: the input topic's size limit and the producer that must fit a dead letter of that size. */
    private static final Properties SHIPPED = shipped();
    private static final int MAX_MESSAGE_BYTES = Integer.parseInt(SHIPPED.getProperty("emscreen.topics.max-message-bytes"));

    @Test
    void theShippedProducerCanDeadLetterTheLargestRecordTheInputTopicTakes() {
        var shipped = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                SHIPPED.stringPropertyNames().stream().collect(Collectors.toMap(n -> n, SHIPPED::getProperty)),
                "application.properties", 100)).build();
        var tooSmall = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(
                Map.of("kafka-streams.producer.max.request.size", Integer.toString(MAX_MESSAGE_BYTES)), "test", 100)).build();

        assertThat(TopicProvisioner.producerFitsDeadLetters(MAX_MESSAGE_BYTES, shipped)).isEmpty();
        assertThat(TopicProvisioner.producerFitsDeadLetters(MAX_MESSAGE_BYTES, tooSmall)).get().asString()
                .contains("kafka-streams.producer.max.request.size is " + MAX_MESSAGE_BYTES);
    }

    private static Properties shipped() {
        Properties props = new Properties();
        try (var in = TopicProvisionerTest.class.getResourceAsStream("/application.properties")) {
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
