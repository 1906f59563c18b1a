package dev.emscreen.trainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Function;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;
import org.knowm.xchart.style.Styler;

/** The learning curve as a plot (mean AUROC over draws, with their standard deviation) and a page with the table. */
final class LearningCurveReport {

    private LearningCurveReport() {
    }

    static Path write(Path dir, String domain, List<LearningCurve.Point> points) throws IOException {
        Files.createDirectories(dir);
        XYChart chart = new XYChartBuilder().width(720).height(440).title("Learning curve: " + domain)
                .xAxisTitle("labels per class").yAxisTitle("AUROC on the rows not labelled").build();
        chart.getStyler().setLegendPosition(Styler.LegendPosition.InsideSE);
        chart.getStyler().setYAxisMin(0.4);
        chart.getStyler().setYAxisMax(1.0);
        series(chart, "feature set (readout), random labels", points, LearningCurve.Point::readout);
        series(chart, "feature set, actively chosen labels", points, LearningCurve.Point::active);
        series(chart, "naive Bayes, words + pairs", points, LearningCurve.Point::naiveBayes);
        series(chart, "linear probe, hidden states", points, LearningCurve.Point::probe);
        Path png = dir.resolve("learning-curve.png");
        BitmapEncoder.saveBitmap(chart, png.toString(), BitmapEncoder.BitmapFormat.PNG);
        StringBuilder html = new StringBuilder("<!doctype html><meta charset=utf-8><title>Learning curve</title>")
                .append("<h1>Learning curve: ").append(escape(domain)).append("</h1><img src=learning-curve.png alt='learning curve'>")
                .append("<table border=1 cellpadding=4><tr><th>labels per class<th>feature set<th>actively chosen<th>naive Bayes<th>linear probe");
        for (LearningCurve.Point p : points) {
            html.append("<tr><td>").append(p.n()).append(cell(p.readout())).append(cell(p.active()))
                    .append(cell(p.naiveBayes())).append(cell(p.probe()));
        }
        Path page = dir.resolve("index.html");
        Files.writeString(page, html.append("</table>").toString());
        return png;
    }

    private static void series(XYChart chart, String name, List<LearningCurve.Point> points, Function<LearningCurve.Point, double[]> of) {
        List<LearningCurve.Point> shown = points.stream().filter(p -> !Double.isNaN(LearningCurve.mean(of.apply(p)))).toList();
        if (shown.isEmpty()) {
            return;
        }
        chart.addSeries(name, shown.stream().mapToDouble(LearningCurve.Point::n).toArray(),
                shown.stream().mapToDouble(p -> LearningCurve.mean(of.apply(p))).toArray(),
                shown.stream().mapToDouble(p -> LearningCurve.sd(of.apply(p))).toArray());
    }

    private static String cell(double[] values) {
        double m = LearningCurve.mean(values);
        return Double.isNaN(m) ? "<td>-" : String.format("<td>%.3f ± %.3f", m, LearningCurve.sd(values));
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("'", "&#39;").replace("\"", "&quot;");
    }
}
