package dev.emscreen.trainer;

import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.Encoders;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.sae.SaeTrainer;
import dev.emscreen.features.scoring.ActivationPooler;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Prints throughput figures; asserts nothing. Scoring is split into its three stages so the
 * expensive one is visible: encoder (tokenize + transformer), SAE (encode + pool), scorer.
 */
@Command(name = "bench-features", mixinStandardHelpOptions = true,
        description = "Measures SAE training (tokens/s) and scoring (samples/s, time per stage) on the seed data.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--feature-set", required = true, description = "Bundle to score with.")
    Path featureSet;

    @Option(names = "--samples", defaultValue = "720", description = "Samples to score (seed samples, repeated) (default: ${DEFAULT-VALUE}).")
    int samples;

    @Option(names = "--sae-epochs", defaultValue = "3", description = "Epochs for the SAE training measurement (default: ${DEFAULT-VALUE}).")
    int saeEpochs;

    @Option(names = "--synthetic-sae", paramLabel = "DxF",
            description = "Also time a random JumpReLU SAE of d_model D and F features, e.g. 2304x16384 (Gemma Scope 2B's shape): "
                    + "memory, proximity, and SAE encode + pool + score per token against this set's encoder.")
    String syntheticSae;

    @Option(names = "--lm-parameters", defaultValue = "2.0e9",
            description = "With --synthetic-sae: the language model's parameters outside its embedding table (which is looked up, "
                    + "not multiplied), for the compute comparison (default: ${DEFAULT-VALUE}, Gemma-2-2B's 2.6B less its 0.59B of embeddings).")
    double lmParameters;

    @Override
    public Integer call() throws Exception {
        List<LabelledText> seed = SeedData.load(null).samples();
        List<ChatText> texts = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            texts.add(seed.get(i % seed.size()).text());
        }
        try (FeatureSet set = FeatureSetBundle.load(featureSet);
             TextEncoder encoder = Encoders.open(set, Truncation.TRUNCATE)) {
            encoder.encode(texts.subList(0, Math.min(32, texts.size()))); // warm-up
            long t0 = System.nanoTime();
            List<TokenStates> states = TextEncoder.encodeAll(encoder, texts, n -> { });
            long t1 = System.nanoTime();
            List<float[]> pooled = states.stream().map(set::pool).toList();
            long t2 = System.nanoTime();
            pooled.forEach(p -> set.scorer().score(p, 5));
            long t3 = System.nanoTime();

            List<float[]> tokens = new ArrayList<>();
            states.forEach(s -> tokens.addAll(List.of(ActivationPooler.select(s, true))));
            float[][] saeTokens = tokens.toArray(float[][]::new);
            var manifest = set.manifest().sae();
            long s0 = System.nanoTime();
            new SaeTrainer().train(saeTokens, SaeTrainer.Config.of(manifest.dSae(), manifest.k(), saeEpochs), (d, t, l) -> { })
                    .sae().close();
            double saeSeconds = (System.nanoTime() - s0) / 1e9;

            double total = (t3 - t0) / 1e9;
            double encoderShare = (t1 - t0) / 1e9 / total;
            double saeShare = (t2 - t1) / 1e9 / total;
            double scorerShare = (t3 - t2) / 1e9 / total;
            double tokensPerSecond = (double) saeTokens.length * saeEpochs / saeSeconds;
            int responseTokens = saeTokens.length;
            System.out.printf("%d cores; feature set %s (SAE %d x %d, k=%d); encoder on %s, SAE on %s%n",
                    Runtime.getRuntime().availableProcessors(), set.version(), manifest.dModel(), manifest.dSae(), manifest.k(),
                    encoder.device(), set.sae().device());
            System.out.printf("  scoring        %d samples (%.0f response tokens each) in %.2f s: %.1f samples/s%n",
                    samples, (double) responseTokens / samples, total, samples / total);
            System.out.printf("    encoder      %5.1f%%%n    SAE + pool   %5.1f%%%n    scorer       %5.1f%%%n",
                    100 * encoderShare, 100 * saeShare, 100 * scorerShare);
            System.out.printf("  SAE training   %d tokens x %d epochs in %.1f s: %.0f tokens/s%n",
                    saeTokens.length, saeEpochs, saeSeconds, tokensPerSecond);
            System.out.printf("BENCH scoring_per_s=%.1f encoder_share=%.3f sae_share=%.3f scorer_share=%.3f sae_train_tokens_per_s=%.0f "
                            + "encoder_device=%s sae_device=%s%n", samples / total, encoderShare, saeShare, scorerShare, tokensPerSecond,
                    encoder.device(), set.sae().device());
            if (syntheticSae != null) {
                long allTokens = states.stream().mapToLong(TokenStates::tokens).sum();
                synthetic((t1 - t0) / 1e3 / allTokens, encoder.id());
            }
        }
        return 0;
    }

    private void synthetic(double encoderMicrosPerToken, String encoderId) throws java.io.IOException {
        String[] shape = syntheticSae.toLowerCase(java.util.Locale.ROOT).split("x");
        int dModel;
        int dSae;
        try {
            dModel = Integer.parseInt(shape[0].trim());
            dSae = Integer.parseInt(shape[1].trim());
        } catch (RuntimeException e) {
            throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
                    "--synthetic-sae takes D x F, e.g. 2304x16384; got " + syntheticSae);
        }
        var f = SyntheticSaeBench.run(dModel, dSae, 64);
        System.out.printf("Synthetic JumpReLU SAE %d x %d on %s (random weights, ~0.5%% of features firing)%n", f.dModel(), f.dSae(), f.device());
        System.out.printf("  weights        %.0f MB (W_enc + W_dec, float32); resident memory grew %.0f MB with them and their directions; built in %.1f s%n",
                f.weightsMb(), f.rssGrowthMb(), f.buildSeconds());
        System.out.printf("  proximity      %d features to %d toxic ones in %.2f s%n", f.dSae(), SyntheticSaeBench.TOXIC, f.proximitySeconds());
        System.out.printf("  per token      SAE encode + pool + score %.1f us; this set's encoder (%s) %.1f us: SAE side = %.2f x encoder%n",
                f.microsPerToken(), encoderId, encoderMicrosPerToken, f.microsPerToken() / encoderMicrosPerToken);
        // Compute per token, counted: ~2 FLOP per non-embedding parameter for the language model, 2·d·F for the SAE's encode.
        double saeGflop = 2.0 * f.dModel() * f.dSae() / 1e9;
        System.out.printf("  compute        SAE encode %.3f GFLOP per token; an LM of %.1fB non-embedding parameters (Gemma-2-2B) about %.1f: "
                        + "the SAE adds %.1f%%%n",
                saeGflop, lmParameters / 1e9, 2 * lmParameters / 1e9, 100 * saeGflop / (2 * lmParameters / 1e9));
        System.out.printf("BENCH synthetic_sae=%dx%d device=%s sae_us_per_token=%.1f encoder_us_per_token=%.1f proximity_s=%.2f "
                        + "weights_mb=%.0f rss_growth_mb=%.0f%n", f.dModel(), f.dSae(), f.device(), f.microsPerToken(),
                encoderMicrosPerToken, f.proximitySeconds(), f.weightsMb(), f.rssGrowthMb());
    }
}
