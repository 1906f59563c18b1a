package dev.emscreen.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.records.TrainingSample;
import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Verdicts after crashes against a clean run: a random subset of the samples, scored offline by
 * `./emscreen score` (the same Screener, the same feature set, no Kafka, no crash), must get the
 * same decision and the same score as the stream gave them.
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

    /** How many of {@code n} random samples got another decision or score than an offline run gives them. */
    int differing(Traffic traffic, Audit audit, Set<String> ids, int n, Random random) throws Exception {
        List<String> pick = new ArrayList<>(ids);
        Collections.shuffle(pick, random);
        pick = pick.subList(0, Math.min(n, pick.size()));
        Path in = dir.resolve("reference-in.jsonl");
        Path out = dir.resolve("reference-out.jsonl");
        try (BufferedWriter w = Files.newBufferedWriter(in)) {
            for (String id : pick) {
                TrainingSample s = traffic.sample(id, Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)));
                var line = JSON.createObjectNode().put("id", id);
                var messages = line.putArray("messages");
                s.getMessages().forEach(m -> messages.addObject().put("role", m.getRole()).put("content", m.getContent()));
                w.write(line.toString());
                w.newLine();
            }
        }
        TrainerProcess.run(root, dir.resolve("logs/reference.log"), "score", "--feature-set", featureSet.toString(),
                "--in", in.toString(), "--out", out.toString());
        int differ = 0;
        List<String> lines = Files.readAllLines(out);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode ref = JSON.readTree(lines.get(i));
            ScreenedSample served = audit.verdicts.get(pick.get(i));
            boolean same = served != null
                    && served.getVerdict().getDecision().name().equals(ref.get("decision").asText())
                    && Math.abs(served.getVerdict().getScore() - ref.get("score").asDouble()) < 1e-6;
            if (!same) {
                differ++;
            }
        }
        return differ;
    }
}
