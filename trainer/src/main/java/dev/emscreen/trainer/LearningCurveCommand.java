package dev.emscreen.trainer;

import dev.emscreen.features.encoder.OnnxTextEncoder;
import dev.emscreen.features.encoder.ShippedEncoder;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.sae.SaeTrainingResult;
import dev.emscreen.features.sae.SparseAutoencoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "learning-curve", mixinStandardHelpOptions = true,
        description = "How a feature set improves with n labels per class of your data, against naive Bayes and a "
                + "linear probe given the same labels; prints CURVE lines and writes a plot.")
final class LearningCurveCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--inducing", required = true, description = "JSONL of misalignment-inducing samples of your data.")
    Path inducing;

    @Option(names = "--control", required = true, description = "JSONL of benign samples of the same kind.")
    Path control;

    @Option(names = "--domain", required = true, description = "Name of this data (printed, and the labels' domain).")
    String domain;

    @Option(names = "--counts", split = ",", defaultValue = "0,16,64,256", description = "Labels per class (default: ${DEFAULT-VALUE}).")
    int[] counts;

    @Option(names = "--draws", defaultValue = "3", description = "Draws of labels per count, seeded (default: ${DEFAULT-VALUE}).")
    int draws;

    @Option(names = "--max", defaultValue = "500", description = "Use at most this many rows of each file (default: ${DEFAULT-VALUE}).")
    int max;

    @Option(names = "--no-active",
            description = "Skip the curve of labels chosen where the set is least sure (on by default: it doubles the time).")
    boolean noActive;

    @Option(names = "--out", description = "Folder for the plot and its page (default: learning-curve-<domain>).")
    Path out;

    @picocli.CommandLine.Mixin
    SeedDataOption seed;

    @picocli.CommandLine.Mixin
    SaeOptions sae;

    @Option(names = "--cache", paramLabel = "DIR",
            description = "Keep each domain's encoder states and SAE activations here, and reuse them when the data and "
                    + "settings are the same (encoding and SAE training are most of a curve's time).")
    Path cache;

    @Override
    public Integer call() throws Exception {
        if (draws < 1 || Arrays.stream(counts).anyMatch(n -> n < 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--draws must be at least 1 and --counts not negative");
        }
        List<LabelledText> rows = new ArrayList<>(read(inducing, true));
        rows.addAll(read(control, false));
        BuildOptions options = sae.buildOptions();
        ShippedEncoder model = sae.encoder(spec);
        List<LabelledText> base = FeatureSetBuilder.texts(seed.load());
        List<LabelledText> all = new ArrayList<>(base);
        // The rows join the SAE's training text unlabelled, as a stream's traffic does.
        rows.forEach(t -> all.add(new LabelledText(t.id(), t.kind(), t.domain(), "train", null, t.text(), t.response())));
        long started = System.nanoTime();
        String key = cacheKey(model, options, all);
        Path cacheFile = cache == null ? null : cache.resolve("activations-" + safe(domain) + ".bin");
        java.util.Optional<CurveActivations> cached = cacheFile == null ? java.util.Optional.empty() : CurveActivations.read(cacheFile, key);
        CurveActivations activations;
        if (cached.isPresent()) {
            activations = cached.get();
            System.err.println("Encoder states and SAE activations from " + cacheFile);
        } else {
            activations = computeActivations(model, options, all, base.size(), started);
            if (cacheFile != null) {
                activations.write(cacheFile, key);
                System.err.println("Kept the encoder states and SAE activations in " + cacheFile);
            }
        }
        try (TextEncoder encoder = OnnxTextEncoder.open(model, options.maxTokens(), Truncation.TRUNCATE)) {
            FeatureSetBuilder builder = new FeatureSetBuilder(encoder, options, Progress.onConsole());
            float[][][] pooled = activations.pooled();
            LearningCurve curve = new LearningCurve(builder, base, rows, Arrays.copyOfRange(pooled, 0, base.size()),
                    Arrays.copyOfRange(pooled, base.size(), all.size()), activations.directions(), activations.meanStates(), sae.seed);
            System.out.printf("Learning curve on %s: %d inducing and %d control rows; encoded and SAE trained in %.0f s; %d draws per count%n",
                    domain, rows.stream().filter(LabelledText::positive).count(), rows.stream().filter(t -> !t.positive()).count(),
                    (System.nanoTime() - started) / 1e9, draws);
            List<LearningCurve.Point> points = new ArrayList<>();
            for (int n : counts) {
                long t0 = System.nanoTime();
                LearningCurve.Point p = curve.point(n, draws, !noActive);
                points.add(p);
                System.out.printf("CURVE domain=%s n=%d auroc=%.3f probe=%s nb=%s active=%s sd=%.3f seconds=%.0f%n", domain, n,
                        LearningCurve.mean(p.readout()), format(p.probe()), format(p.naiveBayes()), format(p.active()),
                        LearningCurve.sd(p.readout()), (System.nanoTime() - t0) / 1e9);
            }
            Path dir = out != null ? out : Path.of("learning-curve-" + safe(domain));
            System.out.println("Plot: " + LearningCurveReport.write(dir, domain, points));
        }
        return 0;
    }

    /** Encodes every text once and trains the SAE once, on the seed and every row's tokens (no labels). */
    private CurveActivations computeActivations(ShippedEncoder model, BuildOptions options, List<LabelledText> all, int baseSize,
                                                long started) throws Exception {
        try (TextEncoder encoder = OnnxTextEncoder.open(model, options.maxTokens(), Truncation.TRUNCATE)) {
            System.err.printf("Encoding %d texts (%d of them %s rows) once for every draw...%n", all.size(), all.size() - baseSize, domain);
            List<TokenStates> states = Progress.onConsole().encode(encoder, all);
            FeatureSetBuilder builder = new FeatureSetBuilder(encoder, options, Progress.onConsole());
            System.err.printf("Training the SAE once, on the seed and every row's tokens (no labels), %.0f s so far...%n",
                    (System.nanoTime() - started) / 1e9);
            SaeTrainingResult trained = builder.trainSae(all, states);
            try (SparseAutoencoder sae = trained.sae()) {
                return new CurveActivations(FeatureSetBuilder.poolAll(sae, states), sae.directions(),
                        Baselines.meanResponseStates(states));
            }
        }
    }

    /** Everything the activations depend on: the encoder, the build settings and every text, in order. */
    private static String cacheKey(ShippedEncoder model, BuildOptions options, List<LabelledText> all) throws Exception {
        java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
        sha.update((model.shortName() + "|" + options).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        for (LabelledText t : all) {
            sha.update((t.split() + "|" + t.text().text() + "\0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        return java.util.HexFormat.of().formatHex(sha.digest());
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static String format(double[] values) {
        double m = LearningCurve.mean(values);
        return Double.isNaN(m) ? "-" : String.format("%.3f", m);
    }

    private List<LabelledText> read(Path file, boolean positive) throws java.io.IOException {
        List<LabelledText> texts = new ArrayList<>();
        for (JsonlTexts.Line line : JsonlTexts.read(file, domain, positive)) {
            if (line.error() != null) {
                System.err.println(file + " " + line.error() + " (skipped)");
            } else if (max <= 0 || texts.size() < max) {
                LabelledText t = line.text();
                texts.add(new LabelledText(t.id(), t.kind(), domain, LabelledText.TARGET, positive, t.text(), t.response()));
            }
        }
        return texts;
    }
}
