package dev.emscreen.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.DecisionSource;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.Verdict;
import dev.emscreen.schemas.TopicNames;
import dev.emscreen.schemas.TopicSnapshot;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./emscreen export --route accepted --out FILE.jsonl}: what a route holds, as JSONL. */
@Command(name = "export", mixinStandardHelpOptions = true,
        description = "Write what a route holds now (committed records, from the start) as JSONL: accepted in chat "
                + "format ready for fine-tuning; review and quarantined with their verdicts and explanations.")
public final class ExportCommand implements Callable<Integer> {

    /** RULINGS: every sample an annotator ruled on, labelled by the ruling: a file {@code train --labels} reads. */
    enum Route { ACCEPTED, REVIEW, QUARANTINED, RULINGS }

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--route", required = true,
            description = "accepted, review, quarantined, or rulings (what annotators decided on review, as labels for train --labels).")
    Route route;

    @Option(names = "--out", required = true, description = "JSONL file to write.")
    Path out;

    @Option(names = "--topic", description = "Topic to read (default: the route's topic, emscreen.topics.<route>).")
    String topic;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() throws Exception {
        TopicNames names = kafka.topics();
        List<String> from = topic != null ? List.of(topic) : switch (route) {
            case ACCEPTED -> List.of(names.accepted());
            case REVIEW -> List.of(names.review());
            case QUARANTINED -> List.of(names.quarantined());
            case RULINGS -> List.of(names.accepted(), names.quarantined());
        };
        Map<String, Object> config = kafka.readCommittedConfig("export");
        SpecificAvroSerde<ScreenedSample> serde = new SpecificAvroSerde<>(ScreenedSample.class);
        serde.configure(config, false);
        int[] written = {0};
        try (KafkaConsumer<String, ScreenedSample> consumer = new KafkaConsumer<>(config, new StringDeserializer(), serde.deserializer());
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            for (String t : from) {
                TopicSnapshot.read(consumer, t, record -> {
                    if (route == Route.RULINGS && record.value().getVerdict().getDecidedBy() != DecisionSource.HUMAN) {
                        return;
                    }
                    try {
                        writer.write(JSON.writeValueAsString(route == Route.RULINGS ? ruling(record.value()) : line(record.value())));
                        writer.newLine();
                        written[0]++;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            }
        }
        System.out.printf("exported %d samples from %s to %s%n", written[0], String.join(" and ", from), out);
        return 0;
    }

    /** An annotator's ruling as a labelled line: quarantined is inducing, accepted is control. */
    private static ObjectNode ruling(ScreenedSample screened) {
        Verdict v = screened.getVerdict();
        ObjectNode line = JSON.createObjectNode().put("id", screened.getSample().getId())
                .put("label", v.getDecision() == dev.emscreen.records.Decision.QUARANTINED ? "inducing" : "control");
        if (screened.getSample().getDomain() != null) {
            line.put("domain", screened.getSample().getDomain());
        }
        ArrayNode messages = line.putArray("messages");
        for (ChatMessage m : screened.getSample().getMessages()) {
            messages.addObject().put("role", m.getRole()).put("content", m.getContent());
        }
        return line.put("annotator", v.getAnnotator()).put("reason", v.getReviewReason());
    }

    private ObjectNode line(ScreenedSample screened) {
        ObjectNode line = JSON.createObjectNode();
        if (route != Route.ACCEPTED) {
            line.put("id", screened.getSample().getId());
        }
        ArrayNode messages = line.putArray("messages");
        for (ChatMessage m : screened.getSample().getMessages()) {
            messages.addObject().put("role", m.getRole()).put("content", m.getContent());
        }
        if (route != Route.ACCEPTED) {
            Verdict v = screened.getVerdict();
            ObjectNode verdict = line.putObject("verdict");
            verdict.put("decision", v.getDecision().name()).put("score", v.getScore()).put("toxicMass", v.getToxicMass())
                    .put("review", v.getThresholds().getReview()).put("quarantine", v.getThresholds().getQuarantine())
                    .put("featureSetVersion", v.getFeatureSetVersion()).put("decidedBy", v.getDecidedBy().name())
                    .put("annotator", v.getAnnotator()).put("reviewReason", v.getReviewReason());
            ArrayNode features = verdict.putArray("topFeatures");
            v.getTopFeatures().forEach(f -> features.addObject().put("feature", f.getFeatureId()).put("activation", f.getActivation())
                    .put("nearestToxicFeature", f.getNearestToxicFeature()).put("cosine", f.getCosine()).put("label", f.getLabel())
                    .put("contribution", f.getContribution()));
            // The rest of a learnt readout's explanation, so an exported verdict says all that the console shows.
            ArrayNode terms = verdict.putArray("topTerms");
            v.getTopTerms().forEach(t -> terms.addObject().put("term", t.getTerm()).put("count", t.getCount())
                    .put("contribution", t.getContribution()));
            if (v.getHiddenStateContribution() != null) {
                verdict.put("hiddenStateContribution", v.getHiddenStateContribution());
            }
            // TRUNCATED, and AUDIT for a sample the score alone would have accepted: a bulk ruling should know the audit chose it.
            ArrayNode flags = verdict.putArray("flags");
            v.getFlags().forEach(flags::add);
        }
        return line;
    }
}
