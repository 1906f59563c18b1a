package dev.emscreen.trainer;

import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.ActivationPooler;
import dev.emscreen.features.scoring.FeatureGeometry;
import dev.emscreen.features.scoring.Pooling;
import dev.emscreen.features.scoring.ProximityScorer;
import dev.emscreen.features.scoring.ScorerKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a real pretrained SAE costs where no real one can be fetched: a random JumpReLU SAE of the given
 * shape (Gemma Scope 2B's residual SAEs are 2304 x 16384), its memory, the proximity of every feature
 * to 100 toxic ones, and the time per response token of SAE encode + pooling + scoring, on random
 * hidden states in samples of {@link #TOKENS_PER_SAMPLE} tokens. Prints numbers; asserts nothing.
 */
final class SyntheticSaeBench {

    static final int TOKENS_PER_SAMPLE = 64;
    static final int TOXIC = 100;

    /** The figures, for the BENCH line: µs per token, seconds, megabytes. */
    record Figures(String device, int dModel, int dSae, double weightsMb, double rssGrowthMb, double buildSeconds,
                   double proximitySeconds, double microsPerToken) {
    }

    private SyntheticSaeBench() {
    }

    static Figures run(int dModel, int dSae, int samples) throws IOException {
        long rssBefore = residentKb("VmRSS:");
        long t0 = System.nanoTime();
        try (SparseAutoencoder sae = SparseAutoencoder.synthetic(dModel, dSae, 0.005f, 7)) {
            float[][] directions = sae.directions();
            double build = (System.nanoTime() - t0) / 1e9;
            long rssAfter = residentKb("VmRSS:");
            List<FeatureGeometry.ToxicFeature> toxic = new ArrayList<>();
            for (int i = 0; i < TOXIC; i++) {
                toxic.add(new FeatureGeometry.ToxicFeature(i * (dSae / TOXIC), 0.3, "synthetic " + i));
            }
            long p0 = System.nanoTime();
            FeatureGeometry geometry = FeatureGeometry.of(directions, toxic);
            double proximity = (System.nanoTime() - p0) / 1e9;
            ProximityScorer scorer = new ProximityScorer(geometry, ScorerKind.PROXIMITY);
            Random random = new Random(11);
            List<TokenStates> batch = new ArrayList<>();
            for (int s = 0; s < samples; s++) {
                float[][] hidden = new float[TOKENS_PER_SAMPLE][dModel];
                for (float[] token : hidden) {
                    for (int j = 0; j < dModel; j++) {
                        token[j] = (float) random.nextGaussian();
                    }
                }
                boolean[] response = new boolean[TOKENS_PER_SAMPLE];
                java.util.Arrays.fill(response, true);
                batch.add(new TokenStates(hidden, response, false, ""));
            }
            scorer.score(ActivationPooler.pool(sae, batch.get(0), Pooling.MEAN, true), 5); // warm-up
            long s0 = System.nanoTime();
            for (TokenStates states : batch) {
                scorer.score(ActivationPooler.pool(sae, states, Pooling.MEAN, true), 5);
            }
            double micros = (System.nanoTime() - s0) / 1e3 / ((double) samples * TOKENS_PER_SAMPLE);
            double weightsMb = 2.0 * dModel * dSae * 4 / 1e6;
            return new Figures(sae.device(), dModel, dSae, weightsMb, (rssAfter - rssBefore) / 1e3, build,
                    proximity, micros);
        }
    }

    /** A line of the process's memory status (Linux /proc/self/status, e.g. VmRSS), in kB; 0 where there is none. */
    private static long residentKb(String field) throws IOException {
        Path status = Path.of("/proc/self/status");
        if (!Files.isReadable(status)) {
            return 0;
        }
        for (String line : Files.readAllLines(status)) {
            if (line.startsWith(field)) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return 0;
    }
}
