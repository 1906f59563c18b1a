package dev.emscreen.cli;

import dev.emscreen.records.ReviewAction;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.schemas.Topics;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./emscreen decide --id ID --accept|--quarantine --annotator NAME}: an annotator's ruling. */
@Command(name = "decide", mixinStandardHelpOptions = true,
        description = "Publish a review decision for a sample waiting on the review topic (keyed by sample id).")
public final class DecideCommand implements Callable<Integer> {

    @Option(names = "--id", required = true, description = "The sample's id.")
    String id;

    @ArgGroup(exclusive = true, multiplicity = "1")
    Action action;

    static final class Action {
        @Option(names = "--accept", description = "Send the sample to the accepted topic.")
        boolean accept;
        @Option(names = "--quarantine", description = "Send the sample to the quarantined topic.")
        boolean quarantine;
    }

    @Option(names = "--annotator", required = true, description = "Who decided.")
    String annotator;

    @Option(names = "--reason", description = "Why (kept with the verdict).")
    String reason;

    @Option(names = "--topic", description = "Topic (default: the rulings topic, emscreen.topics.review-decisions, screening.review-decisions unless set).")
    String topic;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() throws Exception {
        Map<String, Object> config = kafka.producerConfig();
        String topic = this.topic != null ? this.topic : kafka.topics().reviewDecisions();
        SpecificAvroSerde<ReviewDecision> serde = Topics.REVIEW_DECISIONS.valueSerde(config);
        ReviewDecision decision = new ReviewDecision(id, action.accept ? ReviewAction.ACCEPT : ReviewAction.QUARANTINE, annotator,
                reason, Instant.now());
        try (KafkaProducer<String, ReviewDecision> producer = new KafkaProducer<>(config, new StringSerializer(), serde.serializer())) {
            var written = producer.send(new ProducerRecord<>(topic, id, decision)).get();
            System.out.printf("decided %s: %s by %s (%s partition %d offset %d)%n", id, decision.getAction(), annotator, topic,
                    written.partition(), written.offset());
        }
        return 0;
    }
}
