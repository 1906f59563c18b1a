package dev.emscreen.trainer;

import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.schemas.ClientSettings;
import dev.emscreen.schemas.TopicNames;
import dev.emscreen.schemas.TopicSnapshot;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The stream's own traffic as training data. Every routed sample feeds the SAE, which is
 * unsupervised and learns better features from in-distribution text; only annotators' rulings
 * become labels. The model's own verdicts never do: learning from them would reinforce whatever
 * the active set already gets wrong.
 *
 * @param unlabelled    one per sample id, for the SAE only
 * @param humanLabelled samples an annotator quarantined (inducing) or accepted (control)
 */
record StreamTraffic(List<LabelledText> unlabelled, List<LabelledText> humanLabelled, int records) {

    /**
     * Reads the committed records of every route: annotators' rulings from the start, the rest from
     * {@code since} (null: from the start).
     */
    static StreamTraffic read(ClientSettings kafka, TopicNames topics, Instant since, int maxUnlabelled, long seed) {
        Map<String, Object> config = kafka.readCommittedConfig("trainer");
        SpecificAvroSerde<ScreenedSample> serde = new SpecificAvroSerde<>(ScreenedSample.class);
        serde.configure(config, false);
        Map<String, ScreenedSample> latest = new LinkedHashMap<>();
        int[] records = {0};
        try (KafkaConsumer<String, ScreenedSample> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer())) {
            for (String route : topics.routes()) {
                // From the start: every ruling is a label worth keeping, however old; since bounds the rest.
                TopicSnapshot.read(consumer, route, null, record -> {
                    ScreenedSample screened = record.value();
                    if (since != null && record.timestamp() < since.toEpochMilli() && !isHuman(screened)) {
                        return;
                    }
                    records[0]++;
                    // A sample reviewed by a person appears twice (review, then its final route): the ruling wins.
                    latest.merge(screened.getSample().getId(), screened, (had, now) -> isHuman(had) ? had : now);
                });
            }
        }
        return of(latest.values(), records[0], maxUnlabelled, seed);
    }

    /**
     * Every ruling is kept; unlabelled samples beyond {@code maxUnlabelled} are sampled at random
     * (seeded), because the trainer holds every text's token states in memory.
     */
    static StreamTraffic of(Iterable<ScreenedSample> samples, int records, int maxUnlabelled, long seed) {
        List<LabelledText> unlabelled = new ArrayList<>();
        List<LabelledText> labelled = new ArrayList<>();
        for (ScreenedSample screened : samples) {
            if (isHuman(screened)) {
                boolean inducing = screened.getVerdict().getDecision() == dev.emscreen.records.Decision.QUARANTINED;
                labelled.add(text(screened, inducing));
            } else {
                unlabelled.add(text(screened, null));
            }
        }
        if (unlabelled.size() > maxUnlabelled) {
            java.util.Collections.shuffle(unlabelled, new java.util.Random(seed));
            unlabelled.subList(maxUnlabelled, unlabelled.size()).clear();
        }
        return new StreamTraffic(List.copyOf(unlabelled), List.copyOf(labelled), records);
    }

    private static boolean isHuman(ScreenedSample screened) {
        return screened.getVerdict().getDecidedBy() == DecisionSource.HUMAN;
    }

    /** A ruling is a target label (with the sample's domain, for per-domain thresholds); other traffic trains the SAE only. */
    private static LabelledText text(ScreenedSample screened, Boolean inducing) {
        List<ChatMessage> messages = screened.getSample().getMessages();
        return new LabelledText("stream:" + screened.getSample().getId(), LabelledText.Kind.SAMPLE, screened.getSample().getDomain(),
                inducing == null ? "train" : LabelledText.TARGET, inducing, ChatText.of(messages), LabelledText.responseOf(messages));
    }
}
