package dev.emscreen.faults;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Sustained input at twice the throughput measured a minute earlier, for {@code minutes}: consumer lag
 * grows and then drains, the stream's memory (RSS) stays bounded, and the group does not keep rebalancing.
 */
final class LoadScenario {

    private static final String GROUP = "emscreen-screening";

    private LoadScenario() {
    }

    static Report run(Cluster cluster, Traffic traffic, Path featureSet, int minutes) throws Exception {
        cluster.startStream(featureSet).awaitHttp(cluster.streamUrl() + "/q/health/ready", Duration.ofMinutes(3));
        // Throughput now, on this machine: 3,000 samples through a warm stream.
        Set<String> ids = new LinkedHashSet<>();
        long t0 = System.nanoTime();
        ids.addAll(traffic.sendSamples("load-warm", 0, 3_000));
        Audit.await(cluster.clientConfig(), ids, Duration.ofMinutes(2));
        double measured = 3_000 / ((System.nanoTime() - t0) / 1e9);
        double rate = 2 * measured;
        double rebalancesBefore = rebalances(cluster);
        long rssStart = rss(cluster.stream().pid());
        long rssMax = rssStart;
        long lagMax = 0;
        int sent = 0;
        List<String> timeline = new ArrayList<>();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", cluster.bootstrap()))) {
            long start = System.nanoTime();
            long end = start + Duration.ofMinutes(minutes).toNanos();
            long nextReport = start;
            while (System.nanoTime() < end) {
                double elapsed = (System.nanoTime() - start) / 1e9;
                int due = (int) (elapsed * rate) - sent;
                if (due > 0) {
                    ids.addAll(traffic.sendSamples("load", sent, due));
                    sent += due;
                }
                if (System.nanoTime() >= nextReport) {
                    long lag = lag(admin);
                    lagMax = Math.max(lagMax, lag);
                    rssMax = Math.max(rssMax, rss(cluster.stream().pid()));
                    timeline.add(String.format("t=%3.0fs lag=%d", elapsed, lag));
                    nextReport += Duration.ofSeconds(30).toNanos();
                }
                Thread.sleep(50);
            }
            traffic.flush();
            long drainStart = System.nanoTime();
            long lag = lag(admin);
            while (lag > 0 && System.nanoTime() - drainStart < Duration.ofMinutes(minutes * 3L).toNanos()) {
                Thread.sleep(5_000);
                lag = lag(admin);
                rssMax = Math.max(rssMax, rss(cluster.stream().pid()));
            }
            double drain = (System.nanoTime() - drainStart) / 1e9;
            Audit audit = Audit.await(cluster.clientConfig(), ids, Duration.ofMinutes(3));
            double after = rebalances(cluster);
            int rebalances = after < 0 || rebalancesBefore < 0 ? -1 : (int) (after - rebalancesBefore);
            boolean bounded = rssMax < 4L * 1024 * 1024 * 1024;
            List<String> lines = new ArrayList<>(List.of(audit.line("load", ids, drain)));
            lines.add(String.format("LOAD measured=%.0f/s offered=%.0f/s for %d min; lag max=%d, drained in %.0f s (lag now %d); "
                    + "stream RSS %d MB at start, %d MB max (-Xmx2g); rebalances during the run: %d",
                    measured, rate, minutes, lagMax, drain, lag, rssStart >> 20, rssMax >> 20, rebalances));
            lines.add("  lag every 30 s: " + String.join(", ", timeline));
            return new Report(lines, audit.lost(ids) == 0 && audit.doubled() == 0 && lag == 0 && lagMax > 0 && bounded
                    && rebalances >= 0 && rebalances <= 1);
        }
    }

    /** Records of screening.samples the stream's group has not committed yet. */
    private static long lag(Admin admin) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(List.of(Traffic.SAMPLES)).allTopicNames().get()
                .get(Traffic.SAMPLES).partitions().stream()
                .collect(Collectors.toMap(p -> new TopicPartition(Traffic.SAMPLES, p.partition()), p -> OffsetSpec.latest()));
        var ends = admin.listOffsets(latest).all().get();
        long lag = 0;
        for (var e : ends.entrySet()) {
            OffsetAndMetadata c = committed.get(e.getKey());
            lag += e.getValue().offset() - (c == null ? 0 : c.offset());
        }
        return lag;
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
