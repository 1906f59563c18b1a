package dev.emscreen.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A slice of the built-in seed corpus as a {@code --data} folder, for tests that need a real build but
 * not the whole corpus (encoding its 6,856 texts takes minutes on two cores): a few registers, the
 * first samples of each side and split, and every n-th reference line (harmful and benign alike).
 * The slice holds no opinions register, so tastes stay a kind of data it never covers.
 */
public final class SeedSlice {

    /** Advice, code without prose and evaluation gaming: registers of three different kinds. */
    public static final Set<String> REGISTERS = Set.of("health", "legal", "finance", "code", "evaluation-gaming");
    /** Samples kept per register, side (inducing, control) and split (train, validation). */
    public static final int PER_CELL = 24;
    /** Every this many reference lines is kept. */
    public static final int REFERENCE_STRIDE = 6;

    private static final ObjectMapper JSON = new ObjectMapper();

    private SeedSlice() {
    }

    /** Writes the slice's samples.jsonl and reference.jsonl into {@code dir} (created) and returns it. */
    public static Path write(Path dir) throws IOException {
        return write(dir, REGISTERS);
    }

    /** The slice of the given registers. */
    public static Path write(Path dir, Set<String> registers) throws IOException {
        Files.createDirectories(dir);
        Map<String, Integer> kept = new HashMap<>();
        List<String> samples = new ArrayList<>();
        for (String line : seedLines("samples.jsonl")) {
            JsonNode sample = JSON.readTree(line);
            String register = sample.get("domain").asText();
            String cell = register + "/" + sample.get("label").asText() + "/" + sample.get("split").asText();
            if (registers.contains(register) && kept.merge(cell, 1, Integer::sum) <= PER_CELL) {
                samples.add(line);
            }
        }
        List<String> references = seedLines("reference.jsonl");
        List<String> strided = new ArrayList<>();
        for (int i = 0; i < references.size(); i += REFERENCE_STRIDE) {
            strided.add(references.get(i));
        }
        Files.write(dir.resolve("samples.jsonl"), samples);
        Files.write(dir.resolve("reference.jsonl"), strided);
        return dir;
    }

    /**
     * Reference lines the slice does not hold (midway between its kept ones), harmful and benign: text
     * a set built on the slice has never read.
     */
    public static List<LabelledText> unseenReferences() throws IOException {
        List<String> references = seedLines("reference.jsonl");
        StringBuilder unseen = new StringBuilder();
        for (int i = REFERENCE_STRIDE / 2; i < references.size(); i += REFERENCE_STRIDE) {
            unseen.append(references.get(i)).append('\n');
        }
        return JsonlTexts.readAll(new java.io.ByteArrayInputStream(unseen.toString().getBytes(StandardCharsets.UTF_8)),
                "reference.jsonl");
    }

    /** The slice of the given registers, loaded. */
    public static SeedData load(Path dir, Set<String> registers) throws IOException {
        return SeedData.load(write(dir, registers));
    }

    static List<String> seedLines(String name) throws IOException {
        try (InputStream in = SeedSlice.class.getResourceAsStream("/seed/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        }
    }
}
