package dev.emscreen.trainer;

import dev.emscreen.schemas.ClientSettings;
import dev.emscreen.schemas.TopicNames;

import dev.emscreen.features.bundle.BundleArchive;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.encoder.OnnxTextEncoder;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.features.sae.PretrainedSae;
import dev.emscreen.records.SaeArchitecture;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
        description = "Builds a feature-set bundle: encode, train the SAE, find toxic features, calibrate, write.")
final class TrainCommand implements Callable<Integer> {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--out", required = true, description = "Bundle folder to write (a .zip of it is written beside it).")
    Path out;

    @picocli.CommandLine.Mixin
    SeedDataOption seed;

    @Option(names = "--labels", paramLabel = "FILE",
            description = "Labelled samples of the data you screen (JSONL: chat or prompt/response, \"label\": \"inducing\"|\"control\", "
                    + "optional \"domain\"); repeatable. They join the seed data; the set then learns a readout from them.")
    List<Path> labels = new java.util.ArrayList<>();

    @Option(names = "--hold-back", defaultValue = "0.25",
            description = "With --promote-if-better: share of each class of target labels (--labels, rulings) held back to compare "
                    + "the candidate with the active set (default: ${DEFAULT-VALUE}).")
    double holdBack;

    @picocli.CommandLine.Mixin
    SaeOptions sae;

    @Option(names = "--toxic", defaultValue = "100", description = "Toxic features to keep (default: ${DEFAULT-VALUE}).")
    int toxic;

    @Option(names = "--quarantine-budget", defaultValue = "0.02",
            description = "Most validation control samples quarantined (default: ${DEFAULT-VALUE}).")
    double quarantineBudget;

    @Option(names = "--review-budget", defaultValue = "0.10",
            description = "Most validation control samples reviewed or quarantined (default: ${DEFAULT-VALUE}).")
    double reviewBudget;

    @Option(names = "--review-audit", defaultValue = "0.02",
            description = "Share of what the score would accept that also goes to review: drawn at random while the set has fewer "
                    + "than 64 target labels per class, nearest the middle between the classes from then on (default: ${DEFAULT-VALUE}; 0: off).")
    double reviewAudit;

    @Option(names = "--drop-closest", defaultValue = "0",
            description = "The paper's mode: quarantine this share of the highest-scoring samples, e.g. 0.5 (default: off).")
    double dropClosest;

    @Option(names = "--max-tokens", defaultValue = "256", description = "Encoder token limit (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @picocli.CommandLine.Mixin
    LanguageModelOptions model;

    @picocli.CommandLine.Mixin
    PretrainedSaeOptions pretrained;

    @Option(names = "--holdout-domain",
            description = "Leave one domain out: never learn from or choose on its samples, and report the set's AUROC on all of them "
                    + "(validation.auroc.<domain>); the other domains' splits train and choose.")
    String holdoutDomain;

    @Option(names = "--toxic-from-reference-only",
            description = "Pick toxic features on the reference text alone, as the paper does (default: reference text and training samples).")
    boolean toxicFromReferenceOnly;

    @Option(names = "--publish", paramLabel = "URL",
            description = "Register the bundle with the registry service at URL (e.g. http://localhost:8081) as a candidate.")
    String publish;

    @Option(names = "--token", defaultValue = "${env:EMSCREEN_REGISTRY_TOKEN}",
            description = "The registry service's write token (default: $EMSCREEN_REGISTRY_TOKEN).")
    String token;

    @Option(names = "--promote-if-better",
            description = "With --publish: promote the candidate only if it beats the active set on the same validation samples.")
    boolean promoteIfBetter;

    @Option(names = "--from-kafka", paramLabel = "BOOTSTRAP",
            description = "Also train the SAE on the stream's own traffic (all routes) read from this cluster; "
                    + "annotators' rulings join the labels, the model's verdicts never do.")
    String fromKafka;

    @Option(names = "--since", paramLabel = "DURATION",
            description = "With --from-kafka: only unlabelled traffic from this far back, e.g. 24h, 7d, PT30M (default: all); "
                    + "annotators' rulings are all kept, however old.")
    String since;

    @Option(names = "--max-traffic", defaultValue = "3000",
            description = "With --from-kafka: at most this many unlabelled samples, drawn at random (default: ${DEFAULT-VALUE}); "
                    + "every annotator ruling is kept.")
    int maxTraffic;

    @Option(names = "--schema-registry", paramLabel = "URL",
            description = "With --from-kafka: the schema registry (default: <--publish URL>/ccompat, else http://localhost:8081/ccompat).")
    String schemaRegistry;

    @Option(names = "--schema-registry-auth", paramLabel = "USER:SECRET", description = "Basic auth for the schema registry.")
    String schemaRegistryAuth;

    @Override
    public Integer call() throws Exception {
        if (promoteIfBetter && publish == null) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--promote-if-better needs --publish URL");
        }
        if (!(reviewAudit >= 0 && reviewAudit < 1)) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--review-audit must be a share in [0, 1), got " + reviewAudit);
        }
        BuildOptions options = new BuildOptions(sae.saeWidth, sae.k, sae.epochs, toxic, quarantineBudget, reviewBudget, dropClosest,
                maxTokens, 200_000, sae.seed, toxicFromReferenceOnly).withAuditShare(reviewAudit);
        // The encoder and SAE first: a wrong --encoder, --torchscript-model or --sae fails before any data is read (from Kafka, too).
        PretrainedSae.Imported imported = pretrained.read(spec, sae.k);
        // The build closes the SAE when it is done with it; this closes it too when anything before that fails.
        try (AutoCloseable pretrainedSae = imported == null ? () -> { } : imported.sae(); TextEncoder encoder = encoder(imported)) {
            List<LabelledText> target = new java.util.ArrayList<>(readLabels());
            SeedData seedData = holdoutDomain == null ? seed.load() : seed.load().holdingOut(holdoutDomain);
            if (fromKafka != null) {
                StreamTraffic traffic = readTraffic();
                seedData = seedData.with(traffic.unlabelled(), "stream traffic");
                target.addAll(traffic.humanLabelled());
            }
            if (TargetLabels.enough(target)) {
                if (promoteIfBetter) {
                    target = TargetLabels.holdBack(target, holdBack, sae.seed);
                }
                seedData = seedData.with(target, target.size() + " target labels");
            } else if (!target.isEmpty()) {
                // Only rulings can be this few (--labels files are checked on reading): too few to fit a readout.
                System.out.printf("%d annotator rulings: fewer than %d per class, too few to choose on; they join the seed's training labels%n",
                        target.size(), TargetLabels.MIN_PER_CLASS);
                seedData = seedData.with(TargetLabels.asTraining(target), target.size() + " rulings");
            }
            System.out.printf("Building a feature set from %s: %d samples, %d reference texts%n",
                    seedData.source(), seedData.samples().size(), seedData.references().size());
            long started = System.nanoTime();
            var report = build(encoder, options, seedData, imported);
            Path archive = out.resolveSibling(out.getFileName() + ".zip");
            BundleArchive.pack(out, archive);
            Path html = HtmlReport.write(out, report);
            print(report, archive, (System.nanoTime() - started) / 1e9);
            System.out.printf("  report         %s%n", html);
            if (publish != null) {
                var outcome = new Publisher(new RegistryClient(publish, token), System.out)
                        .publish(archive, out, seedData.validation(), seedData.validationName(), promoteIfBetter);
                System.out.println(outcome.line());
            }
        }
        return 0;
    }

    /** The build, with the model's files (a chat template, written for the bundle, among them) carried into the bundle. */
    private FeatureSetBuilder.BuildReport build(TextEncoder encoder, BuildOptions options, SeedData seedData,
                                                PretrainedSae.Imported imported) throws java.io.IOException {
        Path scratch = java.nio.file.Files.createTempDirectory("emscreen-train");
        try {
            return new FeatureSetBuilder(encoder, options, Progress.onConsole()).build(seedData, out, model.bundleFiles(scratch),
                    imported);
        } finally {
            try (var files = java.nio.file.Files.list(scratch)) {
                for (Path f : files.toList()) {
                    java.nio.file.Files.delete(f);
                }
            }
            java.nio.file.Files.delete(scratch);
        }
    }

    /** The --labels files, checked whole before anything is built or written. */
    private List<LabelledText> readLabels() throws java.io.IOException {
        if (labels.isEmpty()) {
            return List.of();
        }
        try {
            return TargetLabels.read(labels);
        } catch (IllegalArgumentException e) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private StreamTraffic readTraffic() {
        ClientSettings kafka = new ClientSettings(fromKafka, schemaRegistry != null ? schemaRegistry
                : (publish != null ? publish.replaceAll("/+$", "") : "http://localhost:8081") + "/ccompat", schemaRegistryAuth);
        java.time.Instant from = since == null ? null : java.time.Instant.now().minus(Durations.parse(since));
        StreamTraffic traffic = StreamTraffic.read(kafka, TopicNames.configured(), from, maxTraffic, sae.seed);
        System.out.printf("Stream traffic from %s%s: %d records, %d unlabelled samples for the SAE, %d annotator rulings as labels%n",
                fromKafka, since == null ? "" : " (last " + since + ")", traffic.records(),
                traffic.unlabelled().size(), traffic.humanLabelled().size());
        return traffic;
    }

    /** The encoder, checked against the SAE when there is one (which is closed if it does not fit). */
    private TextEncoder encoder(PretrainedSae.Imported imported) throws java.io.IOException {
        TextEncoder encoder;
        try {
            encoder = model.given() ? model.open(spec, sae.encoderName, PretrainedSaeOptions.layer(spec, model.layer, imported), maxTokens)
                    : OnnxTextEncoder.open(sae.encoder(spec), maxTokens, Truncation.TRUNCATE);
            if (imported != null) {
                FeatureSetBuilder.requireFits(imported.sae(), encoder);
            }
        } catch (RuntimeException e) {
            if (imported != null) {
                imported.sae().close();
            }
            throw e instanceof IllegalArgumentException ? new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage()) : e;
        }
        return encoder;
    }

    private static void printByDomain(Map<String, Double> metrics, String prefix) {
        metrics.forEach((key, value) -> {
            if (key.startsWith(prefix) && Double.isFinite(value)) {
                System.out.printf("                 %-14s AUROC %.3f%n", key.substring(prefix.length()), value);
            }
        });
    }

    private static void print(FeatureSetBuilder.BuildReport report, Path archive, double seconds) {
        var m = report.metrics();
        System.out.printf("%nFeature set %s%n", report.manifest().version());
        var saeRef = report.manifest().sae();
        System.out.printf("  SAE            %d x %d %s on %s: %s %d tokens, FVE %.3f, L0 %.1f, dead %.1f%%, %.0f s%n",
                saeRef.dModel(), saeRef.dSae(), saeRef.architecture() == SaeArchitecture.TOPK ? "TopK k=" + saeRef.k() : "JumpReLU",
                report.sae().device(), saeRef.source() == null ? "trained on" : saeRef.source().format() + ", measured on",
                report.sae().tokens(), report.sae().fractionVarianceExplained(),
                report.sae().meanL0(), 100 * report.sae().deadShare(), report.sae().seconds());
        System.out.printf("  scoring        %s pooling, %s scorer, %d toxic features%n", report.pooling(), report.scorer(),
                report.manifest().toxicFeatures().size());
        var choice = report.manifest().scorerChoice();
        System.out.printf("  chosen on      %s (%d inducing, %d control)%n", choice.basis(), choice.inducing(), choice.control());
        if (m.containsKey("target.auroc")) {
            System.out.printf("  target labels  AUROC %.3f out of fold; dropping the top 50%% removes %.1f%% of inducing samples%n",
                    m.get("target.auroc"), 100 * m.get("validation.removed_inducing_at_drop50"));
            printByDomain(m, "target.auroc.");
        }
        if (m.containsKey("validation.auroc")) {
            System.out.printf("  validation     AUROC %.3f on the seed's validation split%s%n", m.get("validation.auroc"),
                    m.containsKey("target.auroc") ? "" : String.format("; dropping the top 50%% removes %.1f%% of inducing samples",
                            100 * m.get("validation.removed_inducing_at_drop50")));
            printByDomain(m, "validation.auroc.");
        }
        System.out.printf("  thresholds     review >= %.4f, quarantine >= %.4f (quarantine precision %.2f, recall %.2f)%n",
                m.get("thresholds.review"), m.get("thresholds.quarantine"),
                m.get("validation.precision_at_quarantine"), m.get("validation.recall_at_quarantine"));
        var byDomain = report.manifest().thresholds().byDomain();
        if (byDomain != null) {
            byDomain.forEach((domain, t) -> System.out.printf("                 %-14s review >= %.4f, quarantine >= %.4f (its own %d + %d labels)%n",
                    domain, t.review(), t.quarantine(), t.inducing(), t.control()));
        }
        var selection = report.manifest().thresholds().reviewSelection();
        if (selection != null) {
            System.out.printf("  to review      %s: %s%n", selection.rule(), selection.reason());
        }
        System.out.printf("  geometry       mean cos to toxic: inducing %.3f vs control %.3f (AUC %.2f, one-sided p = %.2g)%n",
                m.get("geometry.mean_cos_inducing"), m.get("geometry.mean_cos_control"), m.get("geometry.auc"),
                m.get("geometry.p_value"));
        System.out.printf("  wrote          %s and %s in %.0f s%n", archive.resolveSibling(
                archive.getFileName().toString().replaceFirst("\\.zip$", "")), archive, seconds);
    }
}
