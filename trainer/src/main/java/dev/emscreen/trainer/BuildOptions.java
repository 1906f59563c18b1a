package dev.emscreen.trainer;

/**
 * Settings of one feature-set build. Defaults were chosen on the seed validation split and em-dev
 * (see README, "Choosing the defaults").
 *
 * @param dSae             SAE width (features)
 * @param k                active features per token (TopK)
 * @param epochs           SAE training passes over the tokens
 * @param toxicCount       toxic features kept (the paper keeps 100)
 * @param quarantineBudget share of validation control samples the quarantine threshold may catch
 * @param reviewBudget     share of validation control samples review-or-quarantine may catch
 * @param dropFraction     if > 0, the paper's mode instead: quarantine this share of the highest-scoring samples
 * @param maxTokens        encoder token limit
 * @param maxSaeTokens     at most this many token states train the SAE (sampled)
 * @param maxSaeTokenPasses at most this many token states × epochs: more tokens than the seed's get fewer epochs
 * @param seed             random seed
 * @param toxicFromReferenceOnly pick toxic features on reference text alone (the paper's way), not
 *                         also on the inducing/control training samples
 * @param auditShare       share of the samples the score would accept that also goes to review: at random
 *                         with few target labels, nearest the middle with more (see {@link ReviewRule}); 0: off
 */
public record BuildOptions(int dSae, int k, int epochs, int toxicCount, double quarantineBudget, double reviewBudget,
                           double dropFraction, int maxTokens, int maxSaeTokens, long maxSaeTokenPasses, long seed,
                           boolean toxicFromReferenceOnly, double auditShare) {

    /** The default audit: 2% of what the score would accept, about one sample in fifty. */
    public static final double AUDIT_SHARE = 0.02;

    public BuildOptions {
        if (!(auditShare >= 0 && auditShare < 1)) {
            throw new IllegalArgumentException("The review audit share must be in [0, 1), got " + auditShare);
        }
    }

    public BuildOptions(int dSae, int k, int epochs, int toxicCount, double quarantineBudget, double reviewBudget,
                        double dropFraction, int maxTokens, int maxSaeTokens, long maxSaeTokenPasses, long seed,
                        boolean toxicFromReferenceOnly) {
        this(dSae, k, epochs, toxicCount, quarantineBudget, reviewBudget, dropFraction, maxTokens, maxSaeTokens, maxSaeTokenPasses,
                seed, toxicFromReferenceOnly, AUDIT_SHARE);
    }

    /** The seed's response tokens (about 24,000) × 30 epochs: the default build's SAE budget. */
    public static final long SAE_TOKEN_PASSES = 750_000;

    public BuildOptions(int dSae, int k, int epochs, int toxicCount, double quarantineBudget, double reviewBudget,
                        double dropFraction, int maxTokens, int maxSaeTokens, long seed, boolean toxicFromReferenceOnly) {
        this(dSae, k, epochs, toxicCount, quarantineBudget, reviewBudget, dropFraction, maxTokens, maxSaeTokens, SAE_TOKEN_PASSES,
                seed, toxicFromReferenceOnly);
    }

    public BuildOptions withAuditShare(double share) {
        return new BuildOptions(dSae, k, epochs, toxicCount, quarantineBudget, reviewBudget, dropFraction, maxTokens, maxSaeTokens,
                maxSaeTokenPasses, seed, toxicFromReferenceOnly, share);
    }

    public static BuildOptions defaults() {
        return new BuildOptions(1024, 16, 30, 100, 0.02, 0.10, 0, 256, 200_000, 42, false);
    }
}
