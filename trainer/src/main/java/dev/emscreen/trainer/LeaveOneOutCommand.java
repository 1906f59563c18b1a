package dev.emscreen.trainer;

import dev.emscreen.features.encoder.OnnxTextEncoder;
import dev.emscreen.features.encoder.ShippedEncoder;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.sae.SaeTrainingResult;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.selection.Auroc;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Leave-one-domain-out for every domain (register) of the seed data at once. The SAE is trained once,
 * on every training text with no labels; then, for each domain, a set is assembled as {@code train}
 * assembles one (toxic features, scorer choice, thresholds) from the other domains' labels alone, the
 * domain's own samples taking part unlabelled, and scored on all of that domain's samples. What
 * {@code train --holdout-domain} measures for one domain with an SAE of its own, for all domains in the
 * time of one build; the difference is that this SAE has read the held-out domain's training text.
 */
@Command(name = "leave-one-out", mixinStandardHelpOptions = true,
        description = "AUROC on each domain of the seed data from a set assembled without that domain's labels "
                + "(one SAE for all); prints a LORO line per domain.")
final class LeaveOneOutCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    SeedDataOption data;

    @picocli.CommandLine.Mixin
    SaeOptions sae;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ShippedEncoder model = sae.encoder(spec);
        SeedData seed = data.load();
        List<LabelledText> all = FeatureSetBuilder.texts(seed);
        List<String> domains = seed.samples().stream().map(LabelledText::domain).filter(Objects::nonNull).distinct().sorted().toList();
        if (domains.size() < 2) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "Leaving one domain out needs at least two domains in " + seed.source() + "; found " + domains);
        }
        BuildOptions options = sae.buildOptions();
        long started = System.nanoTime();
        try (TextEncoder encoder = OnnxTextEncoder.open(model, options.maxTokens(), Truncation.TRUNCATE)) {
            List<TokenStates> states = Progress.onConsole().encode(encoder, all);
            FeatureSetBuilder builder = new FeatureSetBuilder(encoder, options, Progress.onConsole());
            SaeTrainingResult trained = builder.trainSae(all, states);
            try (SparseAutoencoder autoencoder = trained.sae()) {
                float[][][] pooled = FeatureSetBuilder.poolAll(autoencoder, states);
                float[][] directions = autoencoder.directions();
                System.out.printf("Leave-one-domain-out on %s: %d samples in %d domains; one SAE (FVE %.3f), %.0f s%n",
                        seed.source(), seed.samples().size(), domains.size(), trained.metrics().fractionVarianceExplained(),
                        (System.nanoTime() - started) / 1e9);
                double sum = 0;
                double worst = 1;
                for (String domain : domains) {
                    List<LabelledText> without = new ArrayList<>(all.size());
                    for (LabelledText t : all) {
                        // The held-out domain's samples stay in, unlabelled: scored, never learned from or chosen on.
                        without.add(domain.equals(t.domain()) && t.kind() == LabelledText.Kind.SAMPLE
                                ? new LabelledText(t.id(), t.kind(), t.domain(), "train", null, t.text(), t.response()) : t);
                    }
                    FeatureSetBuilder.Candidate best = builder.assemble(without, pooled, directions, null).best();
                    List<Double> inducing = new ArrayList<>();
                    List<Double> control = new ArrayList<>();
                    for (int i = 0; i < all.size(); i++) {
                        LabelledText t = all.get(i);
                        if (domain.equals(t.domain()) && t.kind() == LabelledText.Kind.SAMPLE && t.positive() != null) {
                            (t.positive() ? inducing : control).add(best.scores()[i]);
                        }
                    }
                    double[] pos = inducing.stream().mapToDouble(Double::doubleValue).toArray();
                    double[] neg = control.stream().mapToDouble(Double::doubleValue).toArray();
                    double auroc = Auroc.of(pos, neg);
                    double[] both = FeatureSetBuilder.concat(pos, neg);
                    System.out.printf("LORO domain=%s auroc=%.3f removed_at_50=%.3f inducing=%d control=%d scorer=%s/%s%n", domain,
                            auroc, Evaluation.removedAt(pos, both, 0.5), pos.length, neg.length, best.pooling(), best.kind());
                    sum += auroc;
                    worst = Math.min(worst, auroc);
                }
                System.out.printf("Mean AUROC %.3f, lowest %.3f, over %d domains; %.0f s in all%n", sum / domains.size(), worst,
                        domains.size(), (System.nanoTime() - started) / 1e9);
            }
        }
        return 0;
    }
}
