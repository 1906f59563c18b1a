package dev.emscreen.features.bundle;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.emscreen.features.scoring.Pooling;
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
        Map<String, String> files) {

    public static final String FORMAT = "emscreen-feature-set/1";

    public record Encoder(String id, String kind, int layer, Pooling pooling, int maxTokens, boolean responseOnly) {
    }

    public record Sae(String file, SaeArchitecture architecture, int dModel, int dSae, int k) {
    }

    /** A selected feature: toxic (weight = correlation with harm) or benign (with soundness). */
    public record Toxic(int id, double weight, String label) {
    }

    /** mode: CONTROL_BUDGET (budgets are shares of control samples) or DROP_CLOSEST (share of all samples). */
    public record Thresholds(double review, double quarantine, String mode, double quarantineBudget, double reviewBudget) {
    }

    FeatureSetManifest withVersion(String newVersion) {
        return new FeatureSetManifest(format, newVersion, createdAt, parentVersion, encoder, sae, toxicFeatures,
                benignFeatures, proximityFile, scorer, thresholds, metrics, files);
    }

    FeatureSetManifest withFiles(Map<String, String> newFiles) {
        return new FeatureSetManifest(format, version, createdAt, parentVersion, encoder, sae, toxicFeatures,
                benignFeatures, proximityFile, scorer, thresholds, metrics, newFiles);
    }
}
