package dev.emscreen.trainer;

import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.TokenStates;
import dev.emscreen.features.sae.SaeTrainer;
import dev.emscreen.features.sae.SaeTrainingResult;
import dev.emscreen.features.sae.SparseAutoencoder;
import dev.emscreen.features.scoring.ActivationPooler;
import dev.emscreen.features.scoring.FeatureGeometry;
import dev.emscreen.features.scoring.Pooling;
import dev.emscreen.features.scoring.ProximityScorer;
import dev.emscreen.features.scoring.Routing;
import dev.emscreen.features.scoring.ScorerKind;
import dev.emscreen.features.scoring.ThresholdCalibrator;
import dev.emscreen.features.selection.Auroc;
import dev.emscreen.features.selection.GeometryStatistic;
import dev.emscreen.features.selection.PointBiserial;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a feature set as the paper describes: hidden states → SAE → toxic features (point-biserial
 * with the harmfulness label) → proximity of every feature to them → the scorer and pooling that
 * separate inducing from control best on validation → thresholds calibrated on validation → bundle.
 */
public final class FeatureSetBuilder {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureSetBuilder.class);

    private final TextEncoder encoder;
    private final BuildOptions options;
    private final Progress progress;

    public FeatureSetBuilder(TextEncoder encoder, BuildOptions options, Progress progress) {
        this.encoder = encoder;
        this.options = options;
        this.progress = progress;
    }

    public BuildReport build(SeedData data, Path out) throws IOException {
        return build(data, out, Map.of());
    }

    /** @param encoderFiles files the encoder needs at serving time, copied into the bundle (TorchScript) */
    public BuildReport build(SeedData data, Path out, Map<String, Path> encoderFiles) throws IOException {
        List<LabelledText> all = new ArrayList<>(data.samples());
        all.addAll(data.references());
        List<TokenStates> states = progress.encode(encoder, all);

        SaeTrainingResult trained = trainSae(all, states);
        try (SparseAutoencoder sae = trained.sae()) {
            float[][] directions = sae.directions();
            Pooling[] poolings = Pooling.values();
            float[][][] pooledByText = new float[all.size()][][];
            for (int i = 0; i < all.size(); i++) {
                pooledByText[i] = ActivationPooler.poolEach(sae, states.get(i), true, poolings);
            }
            Candidate best = null;
            for (int p = 0; p < poolings.length; p++) {
                Pooling pooling = poolings[p];
                float[][] pooled = new float[all.size()][];
                for (int i = 0; i < all.size(); i++) {
                    pooled[i] = pooledByText[i][p];
                }
                FeatureGeometry geometry = toxicGeometry(all, pooled, directions);
                for (ScorerKind kind : ScorerKind.values()) {
                    Candidate candidate = evaluate(all, pooled, pooling, new ProximityScorer(geometry, kind));
                    LOG.info("validation AUROC {} pooling, {} scorer: {}", pooling, kind, String.format("%.3f", candidate.auroc));
                    if (best == null || candidate.auroc > best.auroc) {
                        best = candidate;
                    }
                }
            }
            GeometryFindings.Sets geometry = GeometryFindings.sets(all, best, options.toxicCount());
            Map<String, Double> metrics = metrics(all, best, trained, geometry.statistic());
            FeatureSetManifest manifest = FeatureSetBundle.write(out, draft(best, sae, metrics), sae, best.scorer.geometry(),
                    encoderFiles);
            return new BuildReport(manifest, trained.metrics(), best.pooling, best.scorer.kind(), metrics,
                    new ReportData(all, best.scores, geometry.inducingProximity(), geometry.controlProximity()));
        }
    }

    private SaeTrainingResult trainSae(List<LabelledText> all, List<TokenStates> states) {
        // The SAE is unsupervised, but validation text stays out of it so validation measures unseen text.
        List<float[]> tokens = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).isTrain()) {
                tokens.addAll(List.of(ActivationPooler.select(states.get(i), true)));
            }
        }
        java.util.Collections.shuffle(tokens, new Random(options.seed()));
        float[][] sample = tokens.subList(0, Math.min(tokens.size(), options.maxSaeTokens())).toArray(float[][]::new);
        SaeTrainer.Config config = new SaeTrainer.Config(options.dSae(), options.k(), options.epochs(), 256, 3e-3f,
                options.seed(), Math.min(256, options.dSae() / 2), 1f / 32, 20_000);
        return progress.trainSae(sample, config);
    }

    /**
     * Toxic features: the strongest positive point-biserial correlations with "harmful" over labelled
     * training text: reference text, and (unless reference-only) the inducing/control samples too.
     */
    private FeatureGeometry toxicGeometry(List<LabelledText> all, float[][] pooled, float[][] directions) {
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            boolean source = !options.toxicFromReferenceOnly() || all.get(i).kind() == LabelledText.Kind.REFERENCE;
            if (source && all.get(i).isTrain() && all.get(i).positive() != null) {
                rows.add(i);
            }
        }
        float[][] x = rows.stream().map(i -> pooled[i]).toArray(float[][]::new);
        boolean[] harmful = new boolean[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            harmful[r] = all.get(rows.get(r)).positive();
        }
        double[] correlation = PointBiserial.correlations(x, harmful);
        double[] soundness = java.util.Arrays.stream(correlation).map(r -> -r).toArray();
        return FeatureGeometry.of(directions, selected(all, pooled, correlation, true), selected(all, pooled, soundness, false));
    }

    /** The features most correlated by {@code correlation}, labelled by the text that activates each most. */
    private List<FeatureGeometry.ToxicFeature> selected(List<LabelledText> all, float[][] pooled, double[] correlation,
                                                        boolean harmful) {
        List<FeatureGeometry.ToxicFeature> features = new ArrayList<>();
        for (int id : PointBiserial.top(correlation, options.toxicCount())) {
            features.add(new FeatureGeometry.ToxicFeature(id, correlation[id], FeatureLabels.snippet(all, pooled, id, harmful)));
        }
        return features;
    }

    private Candidate evaluate(List<LabelledText> all, float[][] pooled, Pooling pooling, ProximityScorer scorer) {
        double[] scores = new double[all.size()];
        for (int i = 0; i < all.size(); i++) {
            scores[i] = scorer.score(pooled[i], 0).value();
        }
        return new Candidate(pooling, scorer, pooled, scores, Auroc.of(pick(all, scores, true, null), pick(all, scores, false, null)));
    }

    private Map<String, Double> metrics(List<LabelledText> all, Candidate best, SaeTrainingResult trained,
                                        GeometryStatistic geometry) {
        Map<String, Double> m = new LinkedHashMap<>();
        m.put("validation.auroc", best.auroc);
        for (String domain : all.stream().map(LabelledText::domain).filter(java.util.Objects::nonNull).distinct().sorted().toList()) {
            m.put("validation.auroc." + domain, Auroc.of(pick(all, best.scores, true, domain), pick(all, best.scores, false, domain)));
        }
        double[] inducing = pick(all, best.scores, true, null);
        double[] control = pick(all, best.scores, false, null);
        double[] both = concat(inducing, control);
        m.put("validation.removed_inducing_at_drop50", Evaluation.removedAt(inducing, both, 0.5));
        Routing routing = routing(control, both);
        m.put("validation.precision_at_quarantine", Evaluation.precision(inducing, control, routing.quarantine()));
        m.put("validation.recall_at_quarantine", Evaluation.recall(inducing, routing.quarantine()));
        m.put("validation.recall_at_review", Evaluation.recall(inducing, routing.review()));
        m.put("sae.fraction_variance_explained", trained.metrics().fractionVarianceExplained());
        m.put("sae.mean_l0", trained.metrics().meanL0());
        m.put("sae.dead_share", trained.metrics().deadShare());
        m.put("geometry.mean_cos_inducing", geometry.meanInducingCosine());
        m.put("geometry.mean_cos_control", geometry.meanControlCosine());
        m.put("geometry.auc", geometry.auc());
        m.put("geometry.p_value", geometry.pValue());
        m.put("thresholds.review", routing.review());
        m.put("thresholds.quarantine", routing.quarantine());
        return m;
    }

    private Routing routing(double[] control, double[] all) {
        return options.dropFraction() > 0
                ? ThresholdCalibrator.dropClosest(all, options.dropFraction(), options.reviewBudget())
                : ThresholdCalibrator.forControlBudget(control, options.quarantineBudget(), options.reviewBudget());
    }

    private FeatureSetManifest draft(Candidate best, SparseAutoencoder sae, Map<String, Double> metrics) {
        var toxic = best.scorer.geometry().toxic().stream()
                .map(t -> new FeatureSetManifest.Toxic(t.id(), t.weight(), t.label())).toList();
        var benign = best.scorer.geometry().benign().stream()
                .map(t -> new FeatureSetManifest.Toxic(t.id(), t.weight(), t.label())).toList();
        String mode = options.dropFraction() > 0 ? "DROP_CLOSEST" : "CONTROL_BUDGET";
        double quarantineShare = options.dropFraction() > 0 ? options.dropFraction() : options.quarantineBudget();
        return new FeatureSetManifest(FeatureSetManifest.FORMAT, null, Instant.now().toString(), null,
                new FeatureSetManifest.Encoder(encoder.id(), encoder.kind(), encoder.layer(), best.pooling, encoder.maxTokens(), true),
                new FeatureSetManifest.Sae(FeatureSetBundle.SAE_FILE, sae.architecture(), sae.dModel(), sae.dSae(), sae.k()),
                toxic, benign, FeatureSetBundle.PROXIMITY_FILE, best.scorer.kind(),
                new FeatureSetManifest.Thresholds(metrics.get("thresholds.review"), metrics.get("thresholds.quarantine"),
                        mode, quarantineShare, options.reviewBudget()),
                metrics, null);
    }

    /** Validation scores of samples labelled {@code positive}, optionally of one domain. */
    static double[] pick(List<LabelledText> all, double[] scores, boolean positive, String domain) {
        List<Double> picked = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            LabelledText t = all.get(i);
            if (t.kind() == LabelledText.Kind.SAMPLE && !t.isTrain() && t.positive() != null && t.positive() == positive
                    && (domain == null || domain.equals(t.domain()))) {
                picked.add(scores[i]);
            }
        }
        return picked.stream().mapToDouble(Double::doubleValue).toArray();
    }

    static double[] concat(double[] a, double[] b) {
        double[] both = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A pooling and scorer tried on validation. */
    record Candidate(Pooling pooling, ProximityScorer scorer, float[][] pooled, double[] scores, double auroc) {
    }

    /** What a build made and measured. */
    public record BuildReport(FeatureSetManifest manifest, dev.emscreen.features.sae.SaeMetrics sae, Pooling pooling,
                              ScorerKind scorer, Map<String, Double> metrics, ReportData data) {
    }

    /** What the HTML report plots: every text's score, and the proximities behind the geometry test. */
    public record ReportData(List<LabelledText> texts, double[] scores, double[] inducingProximity, double[] controlProximity) {
    }
}
