package dev.emscreen.trainer;

import dev.emscreen.features.bundle.FeatureSetManifest;
import dev.emscreen.features.sae.SaeSource;
import dev.emscreen.records.SaeArchitecture;
import dev.emscreen.features.selection.Auroc;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.Histogram;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * report/index.html beside a bundle, with PNG plots: the SAE's training curve, the geometry
 * histogram (as in the paper), validation score distributions and ROC curves per domain, and removal curves.
 */
final class HtmlReport {

    private static final int WIDTH = 640;
    private static final int HEIGHT = 400;

    private HtmlReport() {
    }

    static Path write(Path bundle, FeatureSetBuilder.BuildReport report) throws IOException {
        Path dir = Files.createDirectories(bundle.resolve("report"));
        boolean trained = !report.sae().lossPerEpoch().isEmpty();
        if (trained) {
            lossCurve(report, dir.resolve("sae-loss.png"));
        }
        geometry(report, dir.resolve("geometry.png"));
        List<String> domains = report.data().texts().stream().map(LabelledText::domain)
                .filter(java.util.Objects::nonNull).distinct().sorted().toList();
        Map<String, double[][]> byDomain = validationScoresByDomain(report, domains);
        List<String> distributions = distributions(byDomain, dir);
        roc(byDomain, dir.resolve("roc.png"));
        removal(report, dir.resolve("removal.png"));
        Path html = dir.resolve("index.html");
        Files.writeString(html, html(report, distributions));
        return html;
    }

    private static void lossCurve(FeatureSetBuilder.BuildReport report, Path png) throws IOException {
        List<Double> loss = report.sae().lossPerEpoch();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("SAE training: reconstruction loss")
                .xAxisTitle("epoch").yAxisTitle("mean squared error per token").build();
        chart.addSeries("loss", IntStream.rangeClosed(1, loss.size()).mapToDouble(i -> i).toArray(),
                loss.stream().mapToDouble(Double::doubleValue).toArray());
        chart.getStyler().setLegendVisible(false);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void geometry(FeatureSetBuilder.BuildReport report, Path png) throws IOException {
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT)
                .title("Decoder cosine to the nearest toxic feature").xAxisTitle("cosine").yAxisTitle("share of features").build();
        chart.getStyler().setOverlapped(true);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        chart.getStyler().setXAxisDecimalPattern("0.00");
        double[] both = FeatureSetBuilder.concat(report.data().inducingProximity(), report.data().controlProximity());
        double min = Arrays.stream(both).min().orElse(0);
        double max = Arrays.stream(both).max().orElse(1);
        addHistogram(chart, "inducing features (" + report.data().inducingProximity().length + ")",
                report.data().inducingProximity(), min, max);
        addHistogram(chart, "control features (" + report.data().controlProximity().length + ")",
                report.data().controlProximity(), min, max);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /**
     * Per domain, the score distributions of inducing and control samples side by side (shares of each
     * class per score bin): where they overlap is what a threshold cannot separate. A mean per class
     * would hide exactly that.
     */
    private static List<String> distributions(Map<String, double[][]> byDomain, Path dir) throws IOException {
        List<String> images = new ArrayList<>();
        for (Map.Entry<String, double[][]> e : byDomain.entrySet()) {
            String domain = e.getKey();
            double[] inducing = e.getValue()[0];
            double[] control = e.getValue()[1];
            CategoryChart chart = new CategoryChartBuilder().width(WIDTH / 2 + 120).height(HEIGHT - 60)
                    .title("Scores in " + domain + ": inducing vs control").xAxisTitle("score").yAxisTitle("share of class").build();
            chart.getStyler().setOverlapped(true);
            chart.getStyler().setXAxisDecimalPattern("0.000");
            chart.getStyler().setXAxisLabelRotation(45);
            double[] both = FeatureSetBuilder.concat(inducing, control);
            double min = Arrays.stream(both).min().orElse(0);
            double max = Arrays.stream(both).max().orElse(1);
            addHistogram(chart, "inducing (" + inducing.length + ")", inducing, min, max);
            addHistogram(chart, "control (" + control.length + ")", control, min, max);
            // Numbered, not named by domain: a domain is user data and may hold anything a file name cannot.
            String image = "scores-" + (images.size() + 1) + ".png";
            BitmapEncoder.saveBitmap(chart, dir.resolve(image).toString(), BitmapEncoder.BitmapFormat.PNG);
            images.add(image);
        }
        return images;
    }

    /**
     * Validation scores per domain, {inducing, control}, in domain order; only domains with labelled
     * validation samples of both kinds, since a distribution or a curve needs the two to compare.
     */
    private static Map<String, double[][]> validationScoresByDomain(FeatureSetBuilder.BuildReport report, List<String> domains) {
        Map<String, double[][]> byDomain = new java.util.LinkedHashMap<>();
        for (String domain : domains) {
            double[] inducing = FeatureSetBuilder.pick(report.data().texts(), report.data().scores(), true, domain);
            double[] control = FeatureSetBuilder.pick(report.data().texts(), report.data().scores(), false, domain);
            if (inducing.length > 0 && control.length > 0) {
                byDomain.put(domain, new double[][] {inducing, control});
            }
        }
        return byDomain;
    }

    /** One ROC curve per domain: how much of the inducing data each threshold catches for the control data it costs. */
    private static void roc(Map<String, double[][]> byDomain, Path png) throws IOException {
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Validation ROC per domain")
                .xAxisTitle("share of control flagged").yAxisTitle("share of inducing flagged").build();
        for (Map.Entry<String, double[][]> e : byDomain.entrySet()) {
            String domain = e.getKey();
            double[] inducing = e.getValue()[0];
            double[] control = e.getValue()[1];
            double[] thresholds = FeatureSetBuilder.concat(inducing, control);
            Arrays.sort(thresholds);
            double[] fpr = new double[thresholds.length + 2];
            double[] tpr = new double[thresholds.length + 2];
            fpr[0] = 1;
            tpr[0] = 1;
            for (int i = 0; i < thresholds.length; i++) {
                double t = thresholds[i];
                fpr[i + 1] = Arrays.stream(control).filter(v -> v > t).count() / (double) control.length;
                tpr[i + 1] = Arrays.stream(inducing).filter(v -> v > t).count() / (double) inducing.length;
            }
            chart.addSeries(String.format("%s (AUROC %.2f)", domain, Auroc.of(inducing, control)), fpr, tpr);
        }
        chart.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    private static void removal(FeatureSetBuilder.BuildReport report, Path png) throws IOException {
        double[] inducing = FeatureSetBuilder.pick(report.data().texts(), report.data().scores(), true, null);
        double[] control = FeatureSetBuilder.pick(report.data().texts(), report.data().scores(), false, null);
        double[] all = FeatureSetBuilder.concat(inducing, control);
        double[] dropped = IntStream.rangeClosed(0, 20).mapToDouble(i -> i / 20.0).toArray();
        double[] removed = Arrays.stream(dropped).map(f -> Evaluation.removedAt(inducing, all, f)).toArray();
        XYChart chart = new XYChartBuilder().width(WIDTH).height(HEIGHT).title("Validation: inducing samples removed")
                .xAxisTitle("share of samples dropped (highest scores first)").yAxisTitle("share of inducing removed").build();
        chart.addSeries("feature set", dropped, removed);
        chart.addSeries("random", dropped, dropped);
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
    }

    /** Shares rather than counts: the two sets differ in size once toxic features are left out. */
    private static void addHistogram(CategoryChart chart, String name, double[] values, double min, double max) {
        // A mutable list: XChart asks it whether it contains null, which List.of answers by throwing.
        List<Double> data = Arrays.stream(values).boxed().collect(Collectors.toCollection(ArrayList::new));
        if (data.isEmpty()) {
            data.add(0.0); // a tiny set can have no inducing (or control) feature outside the toxic ones
        }
        Histogram histogram = new Histogram(data, 12, min, max + 1e-9);
        double n = Math.max(1, values.length);
        chart.addSeries(name, histogram.getxAxisData(), histogram.getyAxisData().stream().map(c -> c / n).toList());
    }

    private static String html(FeatureSetBuilder.BuildReport report, List<String> distributions) {
        StringBuilder perDomain = new StringBuilder();
        distributions.forEach(image -> perDomain.append("<img src=\"").append(image).append("\">"));
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, Double> e : report.metrics().entrySet()) {
            rows.append(String.format("<tr><td>%s</td><td>%.4f</td></tr>%n", e.getKey(), e.getValue()));
        }
        var choice = report.manifest().scorerChoice();
        StringBuilder scorers = new StringBuilder();
        choice.auroc().forEach((candidate, auroc) -> scorers.append(String.format("<tr><td>%s</td><td>%.4f</td></tr>%n",
                escape(candidate), auroc)));
        StringBuilder toxic = new StringBuilder();
        report.manifest().toxicFeatures().stream().limit(20).forEach(t -> toxic.append(String.format(
                "<tr><td>%d</td><td>%.3f</td><td>%s</td></tr>%n", t.id(), t.weight(), escape(t.label()))));
        return """
                <!doctype html>
                <html><head><meta charset="utf-8"><title>Feature set %s</title>
                <style>body{font-family:sans-serif;max-width:1400px;margin:2em auto}img{margin:4px;border:1px solid #ddd}
                td{padding:2px 10px}table{border-collapse:collapse}tr:nth-child(even){background:#f4f4f4}</style></head>
                <body><h1>Feature set %s</h1>
                <p>%s pooling, %s scorer, SAE %s, %d toxic features. Encoder %s.</p>
                %s<img src="geometry.png"><img src="roc.png"><img src="removal.png">
                <h2>Score distributions per domain (validation)</h2><div>%s</div>
                <h2>Which scorer, and why</h2><p>%s.</p><table><tr><th>pooling and scorer</th><th>AUROC on %s</th></tr>%s</table>
                <h2>What goes to review, and why</h2><p>%s</p>
                <h2>Metrics</h2><table>%s</table>
                <h2>Strongest toxic features</h2><table><tr><th>feature</th><th>correlation</th><th>label</th></tr>%s</table>
                </body></html>
                """.formatted(report.manifest().version(), report.manifest().version(), report.pooling(), report.scorer(),
                escape(sae(report)), report.manifest().toxicFeatures().size(), escape(report.manifest().encoder().id()),
                report.sae().lossPerEpoch().isEmpty() ? "" : "<img src=\"sae-loss.png\">", perDomain, escape(choice.reason()),
                escape(choice.basis()), scorers, escape(reviewSelection(report.manifest().thresholds().reviewSelection())), rows, toxic);
    }

    private static String reviewSelection(FeatureSetManifest.ReviewSelection selection) {
        return selection == null ? "The band below the quarantine threshold." : selection.rule() + ": " + selection.reason() + ".";
    }

    /** The SAE's shape, and for a pretrained one where it came from and how well it fits this data. */
    private static String sae(FeatureSetBuilder.BuildReport report) {
        FeatureSetManifest.Sae sae = report.manifest().sae();
        String shape = String.format("%d x %d (%s)", sae.dModel(), sae.dSae(),
                sae.architecture() == SaeArchitecture.TOPK ? "TopK, k=" + sae.k() : "JumpReLU");
        SaeSource source = sae.source();
        if (source == null) {
            return shape + ", trained by this build";
        }
        return String.format("%s, pretrained (%s%s%s, %s; not trained here): on this data it explains %.1f%% of the variance, "
                        + "L0 %.1f, %.1f%% of features never fire%s", shape, source.format(),
                source.release() == null ? "" : " " + source.release(), source.hookPoint() == null ? "" : ", reads " + source.hookPoint(),
                source.file(), 100 * report.sae().fractionVarianceExplained(), report.sae().meanL0(), 100 * report.sae().deadShare(),
                source.note() == null ? "" : "; " + source.note());
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
