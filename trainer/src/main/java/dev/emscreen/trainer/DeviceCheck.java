package dev.emscreen.trainer;

import dev.emscreen.features.Screener;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.Encoders;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.sae.SaeFiles;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Scores on the GPU against the same scores on the CPU: the set and its encoder opened once where they
 * run by default (a GPU when there is one) and once with {@code emscreen.device=cpu}, the same texts
 * screened by both. GPU kernels sum in other orders (and may use TF32), so scores differ by rounding;
 * more than {@link #TOLERANCE} is a fault worth a look, not rounding.
 */
final class DeviceCheck {

    /** Largest score difference (on the 0..1 scale) taken for rounding between devices. */
    static final double TOLERANCE = 1e-3;

    record Result(String encoderDevice, String saeDevice, double maxDifference, double tolerance) {

        boolean within() {
            return maxDifference <= tolerance;
        }

        String line() {
            return String.format("DEVICE_CHECK encoder=%s sae=%s against=cpu max_score_diff=%s tolerance=%.0e %s", encoderDevice,
                    saeDevice, maxDifference == 0 ? "0" : String.format("%.2e", maxDifference), tolerance, within() ? "ok" : "BEYOND");
        }
    }

    private DeviceCheck() {
    }

    static Result compare(Path featureSet, List<LabelledText> texts, double tolerance) throws IOException {
        double[] here;
        String encoderDevice;
        String saeDevice;
        try (FeatureSet set = FeatureSetBundle.load(featureSet); TextEncoder encoder = Encoders.open(set, Truncation.TRUNCATE)) {
            here = scores(set, encoder, texts);
            encoderDevice = encoder.device();
            saeDevice = set.sae().device();
        }
        String before = System.getProperty(SaeFiles.DEVICE_PROPERTY);
        System.setProperty(SaeFiles.DEVICE_PROPERTY, "cpu");
        double[] cpu;
        try (FeatureSet set = FeatureSetBundle.load(featureSet); TextEncoder encoder = Encoders.open(set, Truncation.TRUNCATE)) {
            cpu = scores(set, encoder, texts);
        } finally {
            if (before == null) {
                System.clearProperty(SaeFiles.DEVICE_PROPERTY);
            } else {
                System.setProperty(SaeFiles.DEVICE_PROPERTY, before);
            }
        }
        double max = 0;
        for (int i = 0; i < here.length; i++) {
            max = Math.max(max, Math.abs(here[i] - cpu[i]));
        }
        return new Result(encoderDevice, saeDevice, max, tolerance);
    }

    private static double[] scores(FeatureSet set, TextEncoder encoder, List<LabelledText> texts) {
        Screener screener = new Screener(encoder, set, 0);
        return screener.screen(texts.stream().map(LabelledText::text).toList()).stream().mapToDouble(s -> s.score().value()).toArray();
    }
}
