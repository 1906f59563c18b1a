package dev.emscreen.stream;

import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.kafka.junit.EmbeddedKafka;
import dev.emscreen.records.TrainingSample;
import dev.emscreen.schemas.TopicNames;
import dev.emscreen.schemas.serde.SpecificAvroSerde;
import dev.emscreen.stream.featureset.ActiveFeatureSet;
import dev.emscreen.stream.featureset.FeatureSetLoader;
import dev.emscreen.stream.featureset.ServingSet;
import dev.emscreen.stream.ops.ScreeningMetrics;
import dev.emscreen.stream.ops.TopicProvisioner;
import dev.emscreen.stream.topology.ScreeningTopology;
import dev.emscreen.stream.topology.StreamSettings;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;

/**
 * ./emscreen bench: the same samples through encoder + SAE + scorer alone, then through a real
 * broker and the running topology (exactly-once), in one JVM and one run, so the ratio compares
 * like with like. Prints numbers; asserts nothing.
 */
public final class StreamBench {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = options(args);
        int count = Integer.parseInt(options.getOrDefault("--samples", "5000"));
        int batch = Integer.parseInt(options.getOrDefault("--batch-size", "32"));
        int partitions = Integer.parseInt(options.getOrDefault("--partitions", "2"));
        Path featureSet = Path.of(options.getOrDefault("--feature-set", ".emscreen/feature-sets/default"));
        if (!Files.isDirectory(featureSet) && !Files.isRegularFile(featureSet)) {
            System.err.println("bench: no feature set at " + featureSet + " (build one with ./emscreen train --out DIR)");
            System.exit(2);
        }
        List<TrainingSample> samples = BenchSamples.generate(count, 42);
        Path work = Files.createTempDirectory("emscreen-bench-");

        ActiveFeatureSet active = new ActiveFeatureSet();
        FeatureSetLoader loader = new FeatureSetLoader(active, work.resolve("cache"), Truncation.TRUNCATE, 5);
        if (!loader.loadPath(featureSet)) {
            System.exit(1);
        }
        ServingSet set = active.current().orElseThrow();
        List<ChatText> texts = samples.stream().map(s -> ChatText.of(s.getMessages())).toList();
        double meanTokens = set.encoder().encode(texts.subList(0, Math.min(200, texts.size()))).stream()
                .mapToInt(t -> t.tokens()).average().orElse(0);
        set.screener().screen(texts.subList(0, Math.min(64, texts.size()))); // warm-up, not timed

        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += batch) {
            set.screener().screen(texts.subList(from, Math.min(texts.size(), from + batch)));
        }
        double modelPerSecond = count / seconds(System.nanoTime() - start);

        resetPeaks();
        Result saturated;
        Result paced;
        try (EmbeddedKafka kafka = EmbeddedKafka.start()) {
            TopicNames topics = TopicNames.defaults();
            try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
                TopicProvisioner.provision(admin, topics, partitions, (short) 1, 4 << 20);
            }
            Map<String, String> serdes = Map.of("schema.registry.url", "mock://bench");
            StreamSettings settings = new StreamSettings(topics, batch, Duration.ofMillis(250), 5, Truncation.TRUNCATE,
                    200_000, serdes);
            Properties props = new Properties();
            props.put(StreamsConfig.APPLICATION_ID_CONFIG, "emscreen-bench");
            props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
            props.put(StreamsConfig.COMMIT_INTERVAL_MS_CONFIG, 100);
            props.put(StreamsConfig.STATE_DIR_CONFIG, work.resolve("state").toString());
            props.put(StreamsConfig.consumerPrefix(ConsumerConfig.MAX_POLL_RECORDS_CONFIG), 200);
            // Closed in reverse: the feed, the stream, then what the topology started.
            try (ScreeningTopology topology = ScreeningTopology.build(settings, active, loader,
                    new ScreeningMetrics(new SimpleMeterRegistry()));
                 KafkaStreams streams = new KafkaStreams(topology, props);
                 Feed feed = new Feed(kafka.bootstrapServers(), topics, serdes)) {
                streams.start();
                saturated = feed.run(samples, 0);
                // Latency at a steady load: half the model-only rate, for as many samples as ~15 s take.
                int pacedCount = (int) Math.min(count, Math.max(200, modelPerSecond / 2 * 15));
                paced = feed.run(BenchSamples.generate(pacedCount, 7), modelPerSecond / 2);
            }
        }
        long peakHeap = peakHeap();

        System.out.printf("EM Screen stream benchmark: %d samples (mean %.0f tokens), feature set %s, batch %d, %d partitions, %s%n",
                count, meanTokens, set.version(), batch, partitions, dev.emscreen.features.sae.SaeFiles.device());
        System.out.printf("%-44s %10s %9s %9s%n", "path", "samples/s", "p50 ms", "p99 ms");
        System.out.printf("%-44s %10.1f %9s %9s%n", "encoder + SAE + scorer alone", modelPerSecond, "-", "-");
        System.out.printf("%-44s %10.1f %9.0f %9.0f%n", "broker + topology, all offered at once", saturated.perSecond,
                saturated.p50, saturated.p99);
        System.out.printf("%-44s %10.1f %9.0f %9.0f%n", String.format("broker + topology, paced at %.0f/s", modelPerSecond / 2),
                paced.perSecond, paced.p50, paced.p99);
        System.out.printf("peak heap: %.0f MB (max %d MB)%n", peakHeap / 1e6, Runtime.getRuntime().maxMemory() / 1_000_000);
        System.out.printf("BENCH e2e_per_s=%.1f model_only_per_s=%.1f ratio=%.3f p99_ms=%.0f%n", saturated.perSecond,
                modelPerSecond, saturated.perSecond / modelPerSecond, paced.p99);
        active.close();
        System.exit(0);
    }

    record Result(double perSecond, double p50, double p99) {
    }

    /** Produces samples (at a rate, or all at once when rate is 0) and times each one to its committed verdict. */
    private static final class Feed implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final SpecificAvroSerde<TrainingSample> serde = new SpecificAvroSerde<>(TrainingSample.class);
        private final TopicNames topics;

        Feed(String bootstrap, TopicNames topics, Map<String, String> serdes) {
            this.topics = topics;
            serde.configure(serdes, false);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            p.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
            Properties c = new Properties();
            c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            c.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consumer = new KafkaConsumer<>(c, new ByteArrayDeserializer(), new ByteArrayDeserializer());
            // Every partition assigned, from its end: no group to join, and only verdicts of this run are timed.
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : List.of(topics.accepted(), topics.review(), topics.quarantined(), topics.deadLetters())) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(info -> partitions.add(new TopicPartition(info.topic(), info.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end now, before anything is sent
        }

        Result run(List<TrainingSample> samples, double rate) {
            List<byte[]> values = samples.stream().map(s -> serde.serializer().serialize(topics.samples(), s)).toList();
            List<Long> latencies = new ArrayList<>(samples.size());
            long first = System.currentTimeMillis();
            long nanoStart = System.nanoTime();
            int sent = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(30).toNanos();
            while (latencies.size() < samples.size() && System.nanoTime() < deadline) {
                int due = rate <= 0 ? samples.size()
                        : (int) Math.min(samples.size(), (System.nanoTime() - nanoStart) / 1e9 * rate + 1);
                for (; sent < due; sent++) {
                    producer.send(new ProducerRecord<>(topics.samples(), null, System.currentTimeMillis(),
                            samples.get(sent).getId().getBytes(StandardCharsets.UTF_8), values.get(sent)));
                }
                producer.flush();
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(rate <= 0 ? 200 : 20))) {
                    latencies.add(System.currentTimeMillis() - r.timestamp());
                }
            }
            double elapsed = (System.currentTimeMillis() - first) / 1000.0;
            long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
            return new Result(latencies.size() / elapsed, percentile(sorted, 0.50), percentile(sorted, 0.99));
        }

        @Override
        public void close() {
            producer.close();
            consumer.close();
        }
    }

    private static double percentile(long[] sorted, double q) {
        return sorted.length == 0 ? Double.NaN : sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }

    private static double seconds(long nanos) {
        return nanos / 1e9;
    }

    private static void resetPeaks() {
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("bench: unexpected argument " + args[i]
                        + "; options: --samples N --feature-set DIR --batch-size N --partitions N");
            }
            options.put(args[i], args[i + 1]);
        }
        if (args.length % 2 != 0) {
            throw new IllegalArgumentException("bench: option " + args[args.length - 1] + " needs a value");
        }
        return options;
    }

    private StreamBench() {
    }
}
