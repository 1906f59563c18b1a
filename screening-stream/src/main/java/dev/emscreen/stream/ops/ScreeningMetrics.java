package dev.emscreen.stream.ops;

import dev.emscreen.records.Decision;
import dev.emscreen.stream.topology.DeadLetterReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/** What operators watch: records per route, dead-letter reasons, scores, batches, latency, the set serving. */
public final class ScreeningMetrics {

    private final MeterRegistry registry;
    private final Map<Decision, Counter> routed = new EnumMap<>(Decision.class);
    private final Map<DeadLetterReason, Counter> deadLettered = new EnumMap<>(DeadLetterReason.class);
    private final DistributionSummary scores;
    private final DistributionSummary batchSizes;
    private final Timer encoderLatency;
    private final Timer saeLatency;
    private Gauge activeVersion;

    public ScreeningMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Decision decision : Decision.values()) {
            routed.put(decision, Counter.builder("emscreen.records").description("Samples routed, by route")
                    .tag("route", decision.name().toLowerCase()).register(registry));
        }
        for (DeadLetterReason reason : DeadLetterReason.values()) {
            deadLettered.put(reason, Counter.builder("emscreen.dlq").description("Records dead-lettered, by reason")
                    .tag("reason", reason.name()).register(registry));
        }
        // Scores lie in [-1, 1] but histogram buckets must be positive: the histogram holds score + 1,
        // in fixed buckets of 0.05 so that it reads the same across instances.
        double[] buckets = IntStream.rangeClosed(1, 40).mapToDouble(i -> i / 20.0).toArray();
        scores = DistributionSummary.builder("emscreen.score.shifted")
                .description("Screening score + 1 (scores lie in [-1, 1]; histogram buckets must be positive)")
                .serviceLevelObjectives(buckets).register(registry);
        batchSizes = DistributionSummary.builder("emscreen.batch.size").description("Samples per encoder batch")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64, 128, 256).register(registry);
        encoderLatency = Timer.builder("emscreen.encoder.latency").description("Encoder time per batch")
                .publishPercentileHistogram().register(registry);
        saeLatency = Timer.builder("emscreen.sae.latency").description("SAE encode, pooling and scoring time per batch")
                .publishPercentileHistogram().register(registry);
    }

    public void routed(Decision decision, double score) {
        routed.get(decision).increment();
        scores.record(Math.max(0, score + 1));
    }

    public void deadLettered(DeadLetterReason reason) {
        deadLettered.get(reason).increment();
    }

    public void batch(int size, long encoderNanos, long saeNanos) {
        batchSizes.record(size);
        encoderLatency.record(encoderNanos, TimeUnit.NANOSECONDS);
        saeLatency.record(saeNanos, TimeUnit.NANOSECONDS);
    }

    /**
     * One gauge tagged with the version now serving, and one per stage tagged with its device (value 1
     * each: {@code emscreen_stage_device{stage="encoder",device="cuda:0"}}), replaced on every swap.
     */
    public synchronized void activated(String version, String encoderDevice, String saeDevice) {
        if (activeVersion != null) {
            registry.remove(activeVersion);
        }
        activeVersion = Gauge.builder("emscreen.feature.set.active", () -> 1).description("The feature set serving")
                .tag("version", version).register(registry);
        stageDevices.forEach(registry::remove);
        stageDevices.clear();
        stageDevices.add(stageDevice("encoder", encoderDevice));
        stageDevices.add(stageDevice("sae", saeDevice));
    }

    private Gauge stageDevice(String stage, String device) {
        return Gauge.builder("emscreen.stage.device", () -> 1).description("Where each stage of screening runs")
                .tag("stage", stage).tag("device", device).register(registry);
    }

    private final java.util.List<Gauge> stageDevices = new java.util.ArrayList<>();

    public double deadLetterCount(DeadLetterReason reason) {
        return deadLettered.get(reason).count();
    }
}
