package dev.emscreen.features.sae;

import java.util.Random;

/** Hidden states built from a known sparse dictionary: a few unit directions per token. */
final class SyntheticActivations {

    final float[][] dictionary;
    final float[][] tokens;

    SyntheticActivations(int dModel, int features, int activePerToken, int count, long seed) {
        Random random = new Random(seed);
        dictionary = new float[features][dModel];
        for (float[] row : dictionary) {
            double norm = 0;
            for (int j = 0; j < dModel; j++) {
                row[j] = (float) random.nextGaussian();
                norm += row[j] * row[j];
            }
            for (int j = 0; j < dModel; j++) {
                row[j] /= (float) Math.sqrt(norm);
            }
        }
        tokens = new float[count][dModel];
        for (float[] token : tokens) {
            for (int a = 0; a < activePerToken; a++) {
                float[] direction = dictionary[random.nextInt(features)];
                float scale = 1f + 2f * random.nextFloat();
                for (int j = 0; j < dModel; j++) {
                    token[j] += scale * direction[j];
                }
            }
        }
    }
}
