package dev.emscreen.trainer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The labelled data a feature set is built from: {@code samples.jsonl} (fine-tuning samples,
 * inducing or control, with a train/validation split) and {@code reference.jsonl} (harmful and
 * benign reference text). By default the seed data shipped in this jar; or a folder of the same files.
 */
public record SeedData(List<LabelledText> samples, List<LabelledText> references, String source) {

    public static SeedData load(Path dir) throws IOException {
        if (dir == null) {
            return new SeedData(classpath("samples.jsonl"), classpath("reference.jsonl"), "built-in seed data");
        }
        try (InputStream samples = Files.newInputStream(dir.resolve("samples.jsonl"));
             InputStream references = Files.newInputStream(dir.resolve("reference.jsonl"))) {
            return new SeedData(JsonlTexts.readAll(samples, "samples.jsonl"),
                    JsonlTexts.readAll(references, "reference.jsonl"), dir.toString());
        }
    }

    /**
     * Leave-one-domain-out: every sample of {@code domain} is held out ({@link LabelledText#HELD_OUT_DOMAIN}),
     * so the build's per-domain validation figure for it measures a domain the set has never seen. The
     * other domains keep their own split: their validation samples are what the scorer is chosen on,
     * not the held-out domain, whose figure would otherwise be the best of several tries on it.
     */
    public SeedData holdingOut(String domain) {
        if (samples.stream().noneMatch(t -> domain.equals(t.domain()))) {
            throw new IllegalArgumentException("No samples of domain '" + domain + "' in " + source + "; domains: "
                    + samples.stream().map(LabelledText::domain).distinct().sorted().toList());
        }
        List<LabelledText> resplit = samples.stream().map(t -> new LabelledText(t.id(), t.kind(), t.domain(),
                domain.equals(t.domain()) ? LabelledText.HELD_OUT_DOMAIN : t.split(), t.positive(), t.text(), t.response())).toList();
        if (resplit.stream().noneMatch(LabelledText::isValidation)) {
            throw new IllegalArgumentException("Holding out '" + domain + "' leaves no validation samples in " + source
                    + " to choose a scorer on: the other domains need a validation split");
        }
        return new SeedData(resplit, references, source + ", holding out " + domain);
    }

    /** These data plus more training texts (the stream's traffic), described as {@code what}. */
    public SeedData with(List<LabelledText> more, String what) {
        List<LabelledText> all = new java.util.ArrayList<>(samples);
        all.addAll(more);
        return new SeedData(List.copyOf(all), references, source + " + " + what);
    }

    /**
     * The labelled samples a candidate is compared with the active set on: held-back target labels
     * (annotators' rulings) when there are any, since they are the data the set will screen; else the
     * seed's validation split.
     */
    public List<LabelledText> validation() {
        List<LabelledText> heldBack = samples.stream()
                .filter(t -> LabelledText.TARGET_HOLDOUT.equals(t.split()) && t.positive() != null).toList();
        return heldBack.isEmpty() ? samples.stream().filter(t -> !t.isTrain() && t.positive() != null).toList() : heldBack;
    }

    /** What {@link #validation()} returns, in words. */
    public String validationName() {
        return samples.stream().anyMatch(t -> LabelledText.TARGET_HOLDOUT.equals(t.split()))
                ? "held-back target labels" : "samples of the seed's validation split";
    }

    private static List<LabelledText> classpath(String name) throws IOException {
        try (InputStream in = SeedData.class.getResourceAsStream("/seed/" + name)) {
            if (in == null) {
                throw new IllegalStateException("seed/" + name + " is missing from the trainer jar");
            }
            return JsonlTexts.readAll(in, name);
        }
    }
}
