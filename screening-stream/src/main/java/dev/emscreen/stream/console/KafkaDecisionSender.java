package dev.emscreen.stream.console;

import dev.emscreen.records.ReviewDecision;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.StringSerializer;

/** Sends rulings keyed by sample id (so each reaches the partition holding its sample), idempotently. */
final class KafkaDecisionSender implements DecisionSender, AutoCloseable {

    private final KafkaProducer<String, ReviewDecision> producer;
    private final String topic;

    KafkaDecisionSender(Map<String, Object> clientConfig, Serde<ReviewDecision> serde, String topic) {
        Map<String, Object> config = new HashMap<>(clientConfig);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "emscreen-review-console");
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        this.producer = new KafkaProducer<>(config, new StringSerializer(), serde.serializer());
        this.topic = topic;
    }

    @Override
    public void send(ReviewDecision decision) throws Exception {
        producer.send(new ProducerRecord<>(topic, decision.getSampleId(), decision)).get(35, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
