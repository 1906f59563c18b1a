package dev.emscreen.trainer;

import dev.emscreen.features.Screener;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.Encoders;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.selection.Auroc;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "evaluate", mixinStandardHelpOptions = true,
        description = "Measures a feature set on labelled inducing and control samples, beside simple baselines.")
final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--feature-set", required = true, description = "Bundle folder or .zip.")
    Path featureSet;

    @Option(names = "--inducing", required = true, description = "JSONL of misalignment-inducing samples.")
    Path inducing;

    @Option(names = "--control", required = true, description = "JSONL of benign samples of the same kind.")
    Path control;

    @Option(names = "--domain", description = "Name to print for this data.")
    String domain;

    @Option(names = "--max", defaultValue = "0", description = "Use at most this many lines of each file (0: all).")
    int max;

    @Option(names = "--compare-cpu",
            description = "Also screen the samples on the CPU and report the largest score difference from the default device "
                    + "(a GPU where there is one); exit 1 if it exceeds --tolerance.")
    boolean compareCpu;

    @Option(names = "--tolerance", defaultValue = "1e-3",
            description = "With --compare-cpu: the largest score difference taken for rounding (default: ${DEFAULT-VALUE}).")
    double tolerance;

    @Override
    public Integer call() throws Exception {
        List<LabelledText> texts = new ArrayList<>();
        int skipped = read(inducing, true, texts) + read(control, false, texts);
        try (FeatureSet set = FeatureSetBundle.load(featureSet);
             TextEncoder encoder = Encoders.open(set, Truncation.TRUNCATE)) {
            List<TokenStates> states = Progress.onConsole().encode(encoder, texts);
            Screener screener = new Screener(encoder, set, 0);
            double[] scores = states.stream().mapToDouble(s -> screener.screen(s).score().value()).toArray();
            float[][] meanHidden = Baselines.meanResponseStates(states);
            boolean[] label = Baselines.labels(texts.stream().map(LabelledText::positive).toList());
            List<String> responses = texts.stream().map(LabelledText::response).toList();

            String name = domain == null ? inducing.getParent() + "" : domain;
            System.out.printf("%nFeature set %s (%s pooling, %s scorer) on %s: %d inducing, %d control%s%n",
                    set.version(), set.manifest().encoder().pooling(), set.scorerKind(), name,
                    count(label, true), count(label, false), skipped > 0 ? " (" + skipped + " unreadable lines skipped)" : "");
            double[] length = Baselines.length(responses);
            System.out.printf("  %-37s %7s %13s %15s%n", "", "AUROC", "removed@50%", "within length");
            row("feature set (" + set.scorerKind() + ")", scores, label, length);
            row("linear probe, hidden states (5-fold)", Baselines.linearProbe(meanHidden, label), label, length);
            row("naive Bayes, words and pairs (5-fold)", Baselines.naiveBayes(responses, label), label, length);
            row("response length", length, label, length);
            System.out.printf("  %-37s %7s %12.1f%% %15s%n", "random removal", "0.500", 50.0, "0.500");
            System.out.printf("  (within length: AUROC over pairs of samples in the same fifth by response length; "
                    + "what a score knows beyond length)%n");
            double[][] split = Baselines.split(scores, label);
            var routing = set.routing();
            System.out.printf("  at the set's thresholds: quarantine precision %s recall %.2f; review-or-quarantine precision %s recall %.2f%n",
                    ratio(Evaluation.precision(split[0], split[1], routing.quarantine())), Evaluation.recall(split[0], routing.quarantine()),
                    ratio(Evaluation.precision(split[0], split[1], routing.review())), Evaluation.recall(split[0], routing.review()));
            System.out.printf("EVAL domain=%s auroc=%.3f removed_at_50=%.3f auroc_within_length=%.3f%n", name,
                    Auroc.of(split[0], split[1]), Evaluation.removedAt(split[0], scores, 0.5),
                    Evaluation.aurocWithinLength(scores, label, length, LENGTH_BINS));
        }
        if (compareCpu) {
            DeviceCheck.Result check = DeviceCheck.compare(featureSet, texts, tolerance);
            System.out.println(check.line());
            return check.within() ? 0 : 1;
        }
        return 0;
    }

    private int read(Path file, boolean positive, List<LabelledText> into) throws java.io.IOException {
        int skipped = 0;
        int taken = 0;
        for (JsonlTexts.Line line : JsonlTexts.read(file, domain, positive)) {
            if (line.error() != null) {
                System.err.println(file + " " + line.error());
                skipped++;
            } else if (max <= 0 || taken < max) {
                LabelledText t = line.text();
                into.add(new LabelledText(t.id(), t.kind(), t.domain(), t.split(), positive, t.text(), t.response()));
                taken++;
            }
        }
        return skipped;
    }

    /** Response-length groups for the "within length" column: quintiles. */
    static final int LENGTH_BINS = 5;

    private static void row(String name, double[] scores, boolean[] label, double[] length) {
        double[][] split = Baselines.split(scores, label);
        System.out.printf("  %-37s %7.3f %12.1f%% %15.3f%n", name, Auroc.of(split[0], split[1]),
                100 * Evaluation.removedAt(split[0], scores, 0.5), Evaluation.aurocWithinLength(scores, label, length, LENGTH_BINS));
    }

    /** Precision is undefined when nothing crosses the threshold. */
    private static String ratio(double value) {
        return Double.isNaN(value) ? "n/a (nothing flagged)" : String.format("%.2f", value);
    }

    private static int count(boolean[] label, boolean value) {
        int n = 0;
        for (boolean l : label) {
            n += l == value ? 1 : 0;
        }
        return n;
    }
}
