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

    @Option(names = "--active", negatable = true, defaultValue = "true",
            description = "Also the curve of labels chosen where the set is least sure, at the same budget (default: on).")
    boolean active;

    @Option(names = "--out", description = "Folder for the plot and its page (default: learning-curve-<domain>).")
    Path out;

    @Option(names = "--seed", defaultValue = "42")
    long seed;

    @Option(names = "--encoder", paramLabel = "NAME", description = "Shipped encoder (default: e5-small-v2, as train).")
    String encoderName;

    @Option(names = "--sae-width", defaultValue = "1024", description = "SAE features (default: ${DEFAULT-VALUE}).")
    int saeWidth;

    @Option(names = "--k", defaultValue = "16", description = "Active features per token (default: ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--epochs", defaultValue = "30", description = "SAE training epochs (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    public Integer call() throws Exception {
        if (draws < 1 || Arrays.stream(counts).anyMatch(n -> n < 0)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--draws must be at least 1 and --counts not negative");
        }
        List<LabelledText> rows = new ArrayList<>(read(inducing, true));
        rows.addAll(read(control, false));
        BuildOptions d = BuildOptions.defaults();
        BuildOptions options = new BuildOptions(saeWidth, k, epochs, d.toxicCount(), d.quarantineBudget(), d.reviewBudget(),
                d.dropFraction(), d.maxTokens(), d.maxSaeTokens(), seed, false);
        ShippedEncoder model;
        try {
            model = encoderName == null ? ShippedEncoder.DEFAULT : ShippedEncoder.byShortName(encoderName);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        try (TextEncoder encoder = OnnxTextEncoder.open(model, options.maxTokens(), Truncation.TRUNCATE)) {
            List<LabelledText> base = FeatureSetBuilder.texts(SeedData.load(null));
            List<LabelledText> all = new ArrayList<>(base);
            // The rows join the SAE's training text unlabelled, as a stream's traffic does.
            rows.forEach(t -> all.add(new LabelledText(t.id(), t.kind(), t.domain(), "train", null, t.text(), t.response())));
            long started = System.nanoTime();
            System.err.printf("Encoding %d texts (%d of them %s rows) once for every draw...%n", all.size(), rows.size(), domain);
            List<TokenStates> states = Progress.onConsole().encode(encoder, all);
            FeatureSetBuilder builder = new FeatureSetBuilder(encoder, options, Progress.onConsole());
            System.err.printf("Training the SAE once, on the seed and every row's tokens (no labels), %.0f s so far...%n",
                    (System.nanoTime() - started) / 1e9);
            SaeTrainingResult trained = builder.trainSae(all, states);
            try (SparseAutoencoder sae = trained.sae()) {
                float[][][] pooled = FeatureSetBuilder.poolAll(sae, states);
                LearningCurve curve = new LearningCurve(builder, base, rows, Arrays.copyOfRange(pooled, 0, base.size()),
                        Arrays.copyOfRange(pooled, base.size(), all.size()), sae.directions(),
                        Baselines.meanResponseStates(states.subList(base.size(), all.size())), seed);
                System.out.printf("Learning curve on %s: %d inducing and %d control rows; encoded and SAE trained in %.0f s; %d draws per count%n",
                        domain, rows.stream().filter(LabelledText::positive).count(), rows.stream().filter(t -> !t.positive()).count(),
                        (System.nanoTime() - started) / 1e9, draws);
                List<LearningCurve.Point> points = new ArrayList<>();
                for (int n : counts) {
                    long t0 = System.nanoTime();
                    LearningCurve.Point p = curve.point(n, draws, active);
                    points.add(p);
                    System.out.printf("CURVE domain=%s n=%d auroc=%.3f probe=%s nb=%s active=%s sd=%.3f seconds=%.0f%n", domain, n,
                            LearningCurve.mean(p.readout()), format(p.probe()), format(p.naiveBayes()), format(p.active()),
                            LearningCurve.sd(p.readout()), (System.nanoTime() - t0) / 1e9);
                }
                Path dir = out != null ? out : Path.of("learning-curve-" + domain.replaceAll("[^A-Za-z0-9_.-]", "_"));
                System.out.println("Plot: " + LearningCurveReport.write(dir, domain, points));
            }
        }
        return 0;
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
