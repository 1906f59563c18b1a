package dev.emscreen.cli;

import dev.emscreen.records.ChatMessage;
import dev.emscreen.records.FeatureContribution;
import dev.emscreen.records.ScreenedSample;
import dev.emscreen.schemas.DeadLetterHeaders;
import dev.emscreen.schemas.TopicNames;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./emscreen summary --expect N}: waits until N samples are routed, then says where they went and why. */
@Command(name = "summary", mixinStandardHelpOptions = true,
        description = "Wait until N samples have been routed (accepted, review, quarantined or dead-lettered), then print "
                + "counts per route, the toxic features hit most, and one example per route with its explanation.")
public final class SummaryCommand implements Callable<Integer> {

    @Option(names = "--expect", required = true, description = "How many samples were sent in.")
    int expect;

    @Option(names = "--timeout", defaultValue = "PT10M", description = "Give up after this long (default: ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--report", description = "The feature set's HTML report, to point at.")
    Path report;

    @Mixin
    KafkaOptions kafka = new KafkaOptions();

    @Override
    public Integer call() {
        Map<String, Object> config = kafka.readCommittedConfig("summary");
        SpecificAvroSerde<ScreenedSample> serde = new SpecificAvroSerde<>(ScreenedSample.class);
        serde.configure(config, false);
        TopicNames names = kafka.topics();
        RouteTally tally = new RouteTally(names);
        List<String> topics = List.of(names.accepted(), names.review(), names.quarantined(), names.deadLetters());
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t, Duration.ofSeconds(30)).stream())
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (tally.total() < expect && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.topic().equals(names.deadLetters())) {
                        tally.deadLetter(r.key(), DeadLetterHeaders.sourceTopic(r.headers()), r.partition(), r.offset());
                    } else {
                        tally.routed(r.topic(), r.timestamp(), serde.deserializer().deserialize(r.topic(), r.headers(), r.value()));
                    }
                }
            }
        }
        print(tally, (System.nanoTime() - started) / 1e9);
        if (tally.total() != expect) {
            System.out.printf("%nOnly %d of %d samples were routed within %s.%n", tally.total(), expect, timeout);
            return 1;
        }
        return 0;
    }

    private void print(RouteTally tally, double seconds) {
        System.out.printf("%nRouted %d samples (waited %.0f s; feature set %s):%n", tally.total(), seconds, tally.versions());
        tally.counts().forEach((route, n) -> System.out.printf("  %-12s %5d%n", route, n));
        System.out.printf("  %-12s %5d = %d sent%s%n", "total", tally.total(), expect, tally.total() == expect ? "" : "  (MISMATCH)");
        if (tally.otherDeadLetters() > 0) {
            System.out.printf("  and %d dead-lettered record(s) that were not samples (rulings or feature-set announcements)%n",
                    tally.otherDeadLetters());
        }
        System.out.printf("%nToxic features hit most (nearest toxic feature of each flagged sample's top features):%n");
        tally.toxicHits().entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
                .limit(5).forEach(e -> System.out.printf("  %3d samples  %s%n", e.getValue(), e.getKey()));
        System.out.printf("%nOne example per route:%n");
        tally.examples().forEach(this::printExample);
        if (report != null) {
            System.out.printf("%nThe feature set's report (training curves, geometry, score distributions): %s%n", report.toAbsolutePath());
        }
    }

    private void printExample(String route, ScreenedSample s) {
        var v = s.getVerdict();
        System.out.printf("  %s: %s [%s], score %.4f (review at %.4f, quarantine at %.4f)%n", route, s.getSample().getId(),
                s.getSample().getDomain(), v.getScore(), v.getThresholds().getReview(), v.getThresholds().getQuarantine());
        for (ChatMessage m : s.getSample().getMessages()) {
            System.out.printf("      %-9s %s%n", m.getRole() + ":", clip(m.getContent(), 110));
        }
        for (FeatureContribution f : v.getTopFeatures().subList(0, Math.min(3, v.getTopFeatures().size()))) {
            System.out.printf("      feature %d (activation %.2f) lies at cos %.2f to toxic feature %d \"%s\"%n", f.getFeatureId(),
                    f.getActivation(), f.getCosine(), f.getNearestToxicFeature(), clip(String.valueOf(f.getLabel()), 60));
        }
    }

    static String clip(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }
}
