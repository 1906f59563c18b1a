package dev.emscreen.features.scoring;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Which samples the score alone would accept still go to review, so that annotators label more than
 * the band below quarantine. The learning curve compared, at the same label budget, labels drawn at
 * random with labels drawn where the set is least sure: random labels won at 16 per class, least-sure
 * ones at 64. A set's manifest says which it uses ({@code FeatureSetManifest.ReviewSelection}).
 */
public sealed interface ReviewAudit {

    /** No audit: the band below quarantine alone goes to review. */
    ReviewAudit NONE = new AtRandom(0);

    /** Whether a sample the score would accept goes to review anyway. */
    boolean draws(double score, String sampleId);

    /**
     * {@code share} of the samples, drawn by a hash of their id: uniform over ids, the same on every
     * instance and replay, and the same in {@code score} as in the stream.
     */
    record AtRandom(double share) implements ReviewAudit {

        public AtRandom {
            if (!(share >= 0 && share < 1)) {
                throw new IllegalArgumentException("The audit share must be in [0, 1), got " + share);
            }
        }

        @Override
        public boolean draws(double score, String sampleId) {
            return share > 0 && sampleId != null && position(sampleId) < share;
        }

        /** Where a sample id falls in [0, 1): the first 53 bits of its SHA-256. */
        static double position(String sampleId) {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(sampleId.getBytes(StandardCharsets.UTF_8));
                long bits = 0;
                for (int i = 0; i < Long.BYTES; i++) {
                    bits = (bits << 8) | (digest[i] & 0xff);
                }
                return (bits >>> 11) * 0x1.0p-53;
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }

    /**
     * The samples scoring in [{@code from}, {@code to}]: the window around the middle between the
     * classes' median scores on the team's labels, where the set is least sure which class a sample is.
     */
    record NearestMiddle(double from, double to) implements ReviewAudit {

        public NearestMiddle {
            if (!Double.isFinite(from) || !Double.isFinite(to) || from > to) {
                throw new IllegalArgumentException("The least-sure window needs finite from <= to, got [" + from + ", " + to + "]");
            }
        }

        @Override
        public boolean draws(double score, String sampleId) {
            return score >= from && score <= to;
        }
    }
}
