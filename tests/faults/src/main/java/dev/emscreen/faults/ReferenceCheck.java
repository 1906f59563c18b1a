package dev.emscreen.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.scoring.Routing;
import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Verdicts after crashes against a clean run: every sample's verdict must have the decision and the
 * score that `./emscreen score` (the same Screener, the same feature set, no Kafka, no crash) gives
 * its text (and the set's review audit, applied per id: a random one draws by sample id). The suite's samples
 * reuse the seed's texts, so each distinct text is scored offline once.
 */
final class ReferenceCheck {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path root;
    private final Path dir;
    private final Path featureSet;

    ReferenceCheck(Path root, Path dir, Path featureSet) {
        this.root = root;
        this.dir = dir;
        this.featureSet = featureSet;
    }

    /** What the comparison found: samples compared, distinct texts scored offline, verdicts that differ. */
    record Result(int compared, int texts, int differ) {
        String line() {
            return String.format("  verdicts against an offline clean run of the same feature set: all %d compared (%d distinct texts), %d differ",
                    compared, texts, differ);
        }
    }

    Result compare(Traffic traffic, Audit audit, Set<String> ids) throws Exception {
        Map<List<ChatMessage>, List<String>> idsByText = new LinkedHashMap<>();
        for (String id : ids) {
            TrainingSample s = traffic.sample(id, Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)));
            idsByText.computeIfAbsent(s.getMessages(), t -> new ArrayList<>()).add(id);
        }
        List<List<ChatMessage>> texts = new ArrayList<>(idsByText.keySet());
        Path in = dir.resolve("reference-in.jsonl");
        Path out = dir.resolve("reference-out.jsonl");
        Files.createDirectories(dir);
        try (BufferedWriter w = Files.newBufferedWriter(in)) {
            for (List<ChatMessage> text : texts) {
                var messages = JSON.createObjectNode().putArray("messages");
                text.forEach(m -> messages.addObject().put("role", m.getRole()).put("content", m.getContent()));
                w.write(JSON.createObjectNode().set("messages", messages).toString());
                w.newLine();
            }
        }
        TrainerProcess.run(root, dir.resolve("logs/reference.log"), "score", "--feature-set", featureSet.toString(),
                "--in", in.toString(), "--out", out.toString());
        List<String> lines = Files.readAllLines(out);
        Routing routing = routing(featureSet);
        int differ = 0;
        int compared = 0;
        for (int i = 0; i < texts.size(); i++) {
            JsonNode ref = JSON.readTree(lines.get(i));
            for (String id : idsByText.get(texts.get(i))) {
                ScreenedSample served = audit.verdicts.get(id);
                compared++;
                // The reference scores each text once, under an id of its own (score names a line without
                // one by its content), so its audit is undone and the set's audit applied here per sample id;
                // the stream must have flagged exactly the samples it drew.
                String scored = ref.path("audited").asBoolean() ? "ACCEPTED" : ref.get("decision").asText();
                boolean audited = routing.audits(ref.get("score").asDouble(), id);
                String expected = audited ? "REVIEW" : scored;
                boolean same = served != null
                        && served.getVerdict().getDecision().name().equals(expected)
                        && served.getVerdict().getFlags().contains(Routing.AUDIT_FLAG) == audited
                        && Math.abs(served.getVerdict().getScore() - ref.get("score").asDouble()) < 1e-6;
                differ += same ? 0 : 1;
            }
        }
        return new Result(compared, texts.size(), differ);
    }

    /** The set's global thresholds and review audit, from its manifest (the suite's samples have no domain). */
    static Routing routing(Path featureSet) throws java.io.IOException {
        JsonNode thresholds = JSON.readTree(featureSet.resolve("manifest.json").toFile()).get("thresholds");
        return JSON.treeToValue(thresholds, FeatureSetManifest.Thresholds.class).routing();
    }
}
