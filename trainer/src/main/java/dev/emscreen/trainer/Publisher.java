package dev.emscreen.trainer;

import com.fasterxml.jackson.databind.JsonNode;
import dev.emscreen.features.Screener;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.Encoders;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.selection.Auroc;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Registers a freshly built bundle with the registry service and, when asked, promotes it only if
 * it beats the active set. Both sets are scored on the same validation samples by the serving code
 * ({@link Screener}): comparing the AUROC each set recorded at its own build would compare
 * different validation data.
 */
final class Publisher {

    /** What happened: the candidate's version, and whether it now serves (with why, either way). */
    record Outcome(String candidate, boolean promoted, String reason) {

        /** The report line: "promoted fs-...: why" or "not promoted fs-...: why". */
        String line() {
            return String.format("  %-14s %s: %s", promoted ? "promoted" : "not promoted", candidate, reason);
        }
    }

    private final RegistryClient registry;
    private final PrintStream out;

    Publisher(RegistryClient registry, PrintStream out) {
        this.registry = registry;
        this.out = out;
    }

    /**
     * @param validation the labelled samples the candidate and the active set are compared on
     * @param what       what those samples are, for the report ("held-back target labels", ...)
     */
    Outcome publish(Path archive, Path bundle, List<LabelledText> validation, String what, boolean promoteIfBetter) throws IOException {
        String candidate = registry.upload(archive).get("version").asText();
        out.printf("  registered     %s as a candidate%n", candidate);
        Optional<JsonNode> active = registry.active();
        active.ifPresent(a -> printDiff(a.get("version").asText(), candidate));
        if (!promoteIfBetter) {
            return new Outcome(candidate, false, "not asked to promote (--promote-if-better)");
        }
        if (active.isEmpty()) {
            return promote(candidate, "no feature set was active");
        }
        String activeVersion = active.get().get("version").asText();
        if (activeVersion.equals(candidate)) {
            return new Outcome(candidate, false, "it is already the active set");
        }
        Path download = Files.createTempFile("emscreen-active-", ".zip");
        try {
            double mine = auroc(bundle, validation);
            double theirs;
            try {
                registry.download(active.get().get("bundleSha256").asText(), download);
                theirs = auroc(download, validation);
            } catch (IOException | RuntimeException e) {
                // Without a fair comparison, leave the choice to a person (the candidate stays registered).
                return new Outcome(candidate, false, "the active " + activeVersion + " could not be scored on the same samples ("
                        + e.getMessage() + "); promote by hand if you mean to");
            }
            String comparison = String.format("validation AUROC %.3f vs the active %s's %.3f on the same %d %s",
                    mine, activeVersion, theirs, validation.size(), what);
            return mine > theirs ? promote(candidate, comparison) : new Outcome(candidate, false, comparison);
        } finally {
            Files.deleteIfExists(download);
        }
    }

    private Outcome promote(String candidate, String reason) throws IOException {
        registry.promote(candidate);
        return new Outcome(candidate, true, reason);
    }

    private void printDiff(String from, String to) {
        try {
            JsonNode diff = registry.diff(from, to);
            out.printf("  against active %s: %d toxic features added, %d removed; review %s; quarantine %s; scorer %s -> %s%n",
                    from, diff.get("toxicAdded").size(), diff.get("toxicRemoved").size(), change(diff.get("review")),
                    change(diff.get("quarantine")), diff.get("scorerFrom").asText(), diff.get("scorerTo").asText());
            diff.get("metrics").fields().forEachRemaining(m -> {
                if (m.getKey().startsWith("validation.auroc") || m.getKey().startsWith("geometry.p")) {
                    out.printf("                 %-32s %s%n", m.getKey(), change(m.getValue()));
                }
            });
        } catch (IOException e) {
            out.printf("  (no diff against %s: %s)%n", from, e.getMessage());
        }
    }

    private static String change(JsonNode change) {
        return number(change.get("from")) + " -> " + number(change.get("to"));
    }

    private static String number(JsonNode value) {
        return value == null || value.isNull() ? "-" : String.format("%.4f", value.asDouble());
    }

    /** AUROC of a bundle (folder or archive) on labelled samples, scored exactly as the stream scores. */
    static double auroc(Path bundle, List<LabelledText> labelled) throws IOException {
        try (FeatureSet set = FeatureSetBundle.load(bundle);
             TextEncoder encoder = Encoders.open(set, Truncation.TRUNCATE)) {
            Screener screener = new Screener(encoder, set, 0);
            List<Double> positives = new ArrayList<>();
            List<Double> negatives = new ArrayList<>();
            for (int from = 0; from < labelled.size(); from += 32) {
                List<LabelledText> batch = labelled.subList(from, Math.min(labelled.size(), from + 32));
                List<Screener.Screening> screenings = screener.screen(batch.stream().map(LabelledText::text).toList());
                for (int i = 0; i < batch.size(); i++) {
                    if (!screenings.get(i).failed()) {
                        (batch.get(i).positive() ? positives : negatives).add(screenings.get(i).score().value());
                    }
                }
            }
            double[][] split = {positives.stream().mapToDouble(Double::doubleValue).toArray(),
                negatives.stream().mapToDouble(Double::doubleValue).toArray()};
            return Auroc.of(split[0], split[1]);
        }
    }
}
