package dev.emscreen.trainer;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.emscreen.features.Screener;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.Encoders;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.scoring.FeatureContribution;
import dev.emscreen.features.scoring.TermContribution;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Scores a JSONL file offline with a feature set, by the same code the stream uses.")
final class ScoreCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int CHUNK = 64;

    @Option(names = "--feature-set", required = true, description = "Bundle folder or .zip.")
    Path featureSet;

    @Option(names = "--in", required = true, description = "JSONL: {\"messages\":[...]} or {\"prompt\",\"response\"} per line.")
    Path in;

    @Option(names = "--out", required = true, description = "JSONL written in input order: line, score, decision, topFeatures...")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<JsonlTexts.Line> lines = JsonlTexts.read(in, null, null);
        int errors = 0;
        try (FeatureSet set = FeatureSetBundle.load(featureSet);
             TextEncoder encoder = Encoders.open(set, Truncation.TRUNCATE);
             BufferedWriter writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            Screener screener = new Screener(encoder, set, 5);
            for (int from = 0; from < lines.size(); from += CHUNK) {
                List<JsonlTexts.Line> chunk = lines.subList(from, Math.min(lines.size(), from + CHUNK));
                List<JsonlTexts.Line> readable = chunk.stream().filter(l -> l.error() == null).toList();
                var screenings = screener.screen(readable.stream().map(l -> l.text().text()).toList(),
                        readable.stream().map(l -> l.text().domain()).toList(),
                        readable.stream().map(l -> l.text().id()).toList()).iterator();
                for (JsonlTexts.Line line : chunk) {
                    ObjectNode row = line.error() != null ? error(line.number(), line.error())
                            : row(line, screenings.next(), set.version());
                    errors += row.has("error") ? 1 : 0;
                    writer.write(JSON.writeValueAsString(row));
                    writer.newLine();
                }
            }
        }
        System.out.printf("Scored %d lines into %s (%d with errors)%n", lines.size(), out, errors);
        return 0;
    }

    private static ObjectNode row(JsonlTexts.Line line, Screener.Screening s, String version) {
        if (s.failed()) {
            return error(line.number(), s.error().getMessage());
        }
        ObjectNode row = JSON.createObjectNode().put("line", line.number()).put("id", line.text().id())
                .put("score", s.score().value()).put("decision", s.decision().name())
                .put("toxicMass", s.score().toxicMass()).put("proximity", s.score().proximity())
                .put("truncated", s.truncated()).put("audited", s.audited()).put("featureSetVersion", version);
        ArrayNode top = row.putArray("topFeatures");
        for (FeatureContribution f : s.score().top()) {
            top.addObject().put("featureId", f.featureId()).put("activation", f.activation())
                    .put("nearestToxicFeature", f.nearestToxicFeature()).put("cosine", f.cosine()).put("label", f.label())
                    .put("contribution", f.contribution());
        }
        ArrayNode terms = row.putArray("topTerms");
        for (TermContribution t : s.score().terms()) {
            terms.addObject().put("term", t.term()).put("count", t.count()).put("contribution", t.contribution());
        }
        if (s.score().hiddenState() != null) {
            row.put("hiddenStateContribution", s.score().hiddenState());
        }
        return row;
    }

    private static ObjectNode error(int line, String message) {
        return JSON.createObjectNode().put("line", line).put("error", message);
    }
}
