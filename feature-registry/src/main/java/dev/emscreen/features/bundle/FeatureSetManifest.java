package dev.emscreen.features.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.emscreen.features.sae.SaeSource;
import dev.emscreen.features.scoring.Pooling;
import dev.emscreen.features.scoring.ReviewAudit;
import dev.emscreen.features.scoring.Routing;
import dev.emscreen.features.scoring.ScorerKind;
import dev.emscreen.records.SaeArchitecture;
import java.util.List;
import java.util.Map;

/**
 * manifest.json of a feature-set bundle: everything needed to reproduce a verdict. {@code files}
 * maps each artifact to its sha256; {@code version} is the sha256 of the manifest itself (with
 * version left out), so equal content always gets the same version and any change a new one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FeatureSetManifest(
        String format,
        String version,
        String createdAt,
        String parentVersion,
        Encoder encoder,
        Sae sae,
        List<Toxic> toxicFeatures,
        List<Toxic> benignFeatures,
        String proximityFile,
        ScorerKind scorer,
        Thresholds thresholds,
        Map<String, Double> metrics,
        Map<String, String> files,
        String readoutFile,
        ScorerChoice scorerChoice) {

    public static final String FORMAT = "emscreen-feature-set/1";

    /** A geometric-scorer set as earlier formats wrote it: no readout, no recorded choice. */
    public FeatureSetManifest(String format, String version, String createdAt, String parentVersion, Encoder encoder, Sae sae,
                              List<Toxic> toxicFeatures, List<Toxic> benignFeatures, String proximityFile, ScorerKind scorer,
                              Thresholds thresholds, Map<String, Double> metrics, Map<String, String> files) {
        this(format, version, createdAt, parentVersion, encoder, sae, toxicFeatures, benignFeatures, proximityFile, scorer,
                thresholds, metrics, files, null, null);
    }

    public record Encoder(String id, String kind, int layer, Pooling pooling, int maxTokens, boolean responseOnly) {
    }

    /**
     * The SAE file and its shape; {@code source} says where a pretrained SAE came from (null: trained by
     * the build, and then left out of the JSON, so a manifest written before the field still hashes to
     * its version).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sae(String file, SaeArchitecture architecture, int dModel, int dSae, int k, SaeSource source) {

        public Sae(String file, SaeArchitecture architecture, int dModel, int dSae, int k) {
            this(file, architecture, dModel, dSae, k, null);
        }
    }

    /** A selected feature: toxic (weight = correlation with harm) or benign (with soundness). */
    public record Toxic(int id, double weight, String label) {
    }

    /**
     * mode: CONTROL_BUDGET (budgets are shares of control samples) or DROP_CLOSEST (share of all samples).
     * byDomain: thresholds calibrated on one domain's own labels, for samples of that domain (null: none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Thresholds(double review, double quarantine, String mode, double quarantineBudget, double reviewBudget,
                             Map<String, DomainThresholds> byDomain, ReviewSelection reviewSelection) {

        public Thresholds(double review, double quarantine, String mode, double quarantineBudget, double reviewBudget,
                          Map<String, DomainThresholds> byDomain) {
            this(review, quarantine, mode, quarantineBudget, reviewBudget, byDomain, null);
        }

        public Thresholds(double review, double quarantine, String mode, double quarantineBudget, double reviewBudget) {
            this(review, quarantine, mode, quarantineBudget, reviewBudget, null, null);
        }

        /** What the set audits of the samples its score would accept (none without a selection). */
        public ReviewAudit reviewAudit() {
            return reviewSelection == null ? ReviewAudit.NONE : reviewSelection.audit();
        }

        /** The global thresholds with the set's audit; an impossible audit throws IllegalArgumentException. */
        public Routing routing() {
            return new Routing(review, quarantine, reviewAudit());
        }
    }

    /**
     * What the set sends to review beside the band below quarantine, and why. {@code rule}:
     * {@link #RANDOM_AUDIT}: {@code auditShare} of the samples, drawn at random, while the set learned from
     * fewer than {@code threshold} target labels per class; {@link #LEAST_SURE}: from then on, the samples
     * scoring in [{@code from}, {@code to}], the window around the middle between the classes' medians that
     * held {@code auditShare} of the team's rows; {@link #BAND}: nothing beside the band (audit turned off).
     * {@code labelsPerClass}: the fewer of the set's target labels per class.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReviewSelection(String rule, double auditShare, Double from, Double to, int labelsPerClass, int threshold,
                                  String reason) {

        public static final String RANDOM_AUDIT = "RANDOM_AUDIT";
        public static final String LEAST_SURE = "LEAST_SURE";
        public static final String BAND = "BAND";

        /** The audit this selection states; an impossible one (unknown rule, a share outside [0, 1), no window) is refused. */
        public ReviewAudit audit() {
            return switch (rule == null ? "" : rule) {
                case RANDOM_AUDIT -> new ReviewAudit.AtRandom(auditShare);
                case LEAST_SURE -> {
                    if (from == null || to == null) {
                        throw new IllegalArgumentException("review selection LEAST_SURE needs its window (from, to)");
                    }
                    yield new ReviewAudit.NearestMiddle(from, to);
                }
                case BAND -> {
                    if (auditShare != 0 || from != null || to != null) {
                        throw new IllegalArgumentException("review selection BAND sends nothing beside the band: it takes no audit share or window");
                    }
                    yield ReviewAudit.NONE;
                }
                default -> throw new IllegalArgumentException("unknown review selection rule '" + rule
                        + "' (known: RANDOM_AUDIT, LEAST_SURE, BAND)");
            };
        }
    }

    /** A domain's own cut-offs, and how many labels per class they were calibrated on. */
    public record DomainThresholds(double review, double quarantine, int inducing, int control) {
    }

    /**
     * Why the set routes by its scorer: which labelled samples the scorers were compared on
     * ({@code basis}: "target labels" or "seed validation"), how many, and every scorer's AUROC there.
     */
    public record ScorerChoice(String basis, int inducing, int control, Map<String, Double> auroc, String reason) {
    }

    FeatureSetManifest withVersion(String newVersion) {
        return new FeatureSetManifest(format, newVersion, createdAt, parentVersion, encoder, sae, toxicFeatures,
                benignFeatures, proximityFile, scorer, thresholds, metrics, files, readoutFile, scorerChoice);
    }

    FeatureSetManifest withReadoutFile(String file) {
        return new FeatureSetManifest(format, version, createdAt, parentVersion, encoder, sae, toxicFeatures,
                benignFeatures, proximityFile, scorer, thresholds, metrics, files, file, scorerChoice);
    }

    FeatureSetManifest withFiles(Map<String, String> newFiles) {
        return new FeatureSetManifest(format, version, createdAt, parentVersion, encoder, sae, toxicFeatures,
                benignFeatures, proximityFile, scorer, thresholds, metrics, newFiles, readoutFile, scorerChoice);
    }
}
