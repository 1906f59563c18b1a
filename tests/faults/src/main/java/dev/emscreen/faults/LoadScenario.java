package dev.emscreen.faults;

import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Sustained input at twice the stream's measured capacity, for {@code minutes}: consumer lag grows for
 * as long as the input lasts and then drains to zero, the stream's memory (RSS) stays bounded, and the
 * group does not keep rebalancing.
 */
final class LoadScenario {

    /** Capacity is measured on a backlog this long (at the warm-up rate) so that it is the warm, steady rate. */
    private static final double MEASURE_SECONDS = 60;

    private LoadScenario() {
    }

    static Report run(Cluster cluster, Traffic traffic, Path featureSet, int minutes) throws Exception {
        cluster.startStream(featureSet).awaitHttp(cluster.streamUrl() + "/q/health/ready", Duration.ofMinutes(3));
        Set<String> ids = new LinkedHashSet<>();
        try (GroupLag group = new GroupLag(cluster.bootstrap())) {
            // Capacity, warm: 2,000 samples to warm the JIT and the encoder, then a backlog of about a minute's
            // work sent at once; its drain rate is what the stream sustains on this machine now.
            ids.addAll(Scenarios.sendGood(traffic, "load-warm", 2_000));
            double warmRate = 2_000 / group.awaitZero(600);
            int backlog = (int) Math.max(2_000, warmRate * MEASURE_SECONDS);
            ids.addAll(Scenarios.sendGood(traffic, "load-measure", backlog));
            double measured = backlog / group.awaitZero(1_200);
            double rate = 2 * measured;

            double rebalancesBefore = rebalances(cluster);
            long rssStart = rss(cluster.stream().pid());
            long rssMax = rssStart;
            int sent = 0;
            List<Long> lags = new ArrayList<>();
            long start = System.nanoTime();
            long end = start + Duration.ofMinutes(minutes).toNanos();
            long nextReport = start + Duration.ofSeconds(30).toNanos();
            while (System.nanoTime() < end) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                int due = (int) (elapsed * rate) - sent;
                if (due > 0) {
                    ids.addAll(traffic.sendSamples("load", sent, due));
                    sent += due;
                }
                if (System.nanoTime() >= nextReport) {
                    lags.add(group.lag());
                    rssMax = Math.max(rssMax, rss(cluster.stream().pid()));
                    nextReport += Duration.ofSeconds(30).toNanos();
                }
                Thread.sleep(50); // pacing the offered rate, not waiting for an event
            }
            traffic.flush();
            long atEnd = group.lag();
            long lagMax = Math.max(atEnd, lags.stream().mapToLong(Long::longValue).max().orElse(0));
            long drainStart = System.nanoTime();
            long[] rssPeak = {rssMax};
            long lag;
            try {
                lag = await("the backlog to drain").atMost(Duration.ofMinutes(minutes * 3L))
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofSeconds(2))
                        .until(() -> {
                            rssPeak[0] = Math.max(rssPeak[0], rss(cluster.stream().pid()));
                            return group.lag();
                        }, behind -> behind == 0);
            } catch (ConditionTimeoutException stillBehind) {
                lag = group.lag();
            }
            rssMax = rssPeak[0];
            double drain = (System.nanoTime() - drainStart) / 1e9;
            Audit audit = Audit.await(cluster.clientConfig(), ids, Duration.ofMinutes(3));
            double after = rebalances(cluster);
            int rebalances = after < 0 || rebalancesBefore < 0 ? -1 : (int) (after - rebalancesBefore);
            boolean bounded = rssMax < 4L * 1024 * 1024 * 1024;
            // Grew: more behind at every half-minute mark than at the one before (allowing a commit's worth of
            // jitter), and most behind when the input stopped; more than a minute of work behind by then.
            boolean grew = atEnd >= 0.9 * lagMax && atEnd > measured * 60;
            for (int i = 1; i < lags.size(); i++) {
                grew &= lags.get(i) >= lags.get(i - 1) - 500;
            }
            List<String> lines = new ArrayList<>(List.of(audit.line("load", ids, drain)));
            lines.add(String.format("LOAD measured=%.0f/s (warm, %d-sample backlog) offered=%.0f/s for %d min; lag grew to %d "
                    + "and drained in %.0f s (%.0f/s; lag now %d); stream RSS %d MB at start, %d MB max (-Xmx2g); "
                    + "rebalances during the run: %d", measured, backlog, rate, minutes, atEnd, drain, atEnd / drain, lag,
                    rssStart >> 20, rssMax >> 20, rebalances));
            lines.add("  lag every 30 s: " + lags + ", when the input stopped: " + atEnd);
            return new Report(lines, audit.lost(ids) == 0 && audit.doubled() == 0 && lag == 0 && grew && bounded
                    && rebalances >= 0 && rebalances <= 1);
        }
    }

    private static long rss(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (java.io.IOException | NumberFormatException gone) {
            // not Linux, or the process is gone
        }
        return 0;
    }

    /**
     * Rebalances the stream's consumers have been through, from its own Prometheus metrics (the Kafka
     * client's rebalance-total); -1 if the metric is missing, which fails the check rather than passing it.
     */
    private static double rebalances(Cluster cluster) throws Exception {
        double total = -1;
        for (String line : Service.body(cluster.streamUrl() + "/q/metrics").split("\n")) {
            if (line.startsWith("kafka_consumer_coordinator_rebalance_total{")) {
                total = Math.max(total, 0) + Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }
}
