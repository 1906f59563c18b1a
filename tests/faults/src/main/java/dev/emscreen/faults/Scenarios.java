package dev.emscreen.faults;

import dev.emscreen.records.TrainingSample;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;

import static org.awaitility.Awaitility.await;

/** The fault scenarios. Each runs on a cluster of its own and returns its report lines. */
final class Scenarios {

    private final Path root;
    private final Path work;
    private final Path featureSet;
    private final int samples;
    private final Random random = new Random(20261124);

    Scenarios(Path root, Path work, Path featureSet, int samples) {
        this.root = root;
        this.work = work;
        this.featureSet = featureSet;
        this.samples = samples;
    }

    /**
     * SIGKILL the stream at random moments spread over the whole run (each when a random share of the
     * input has been committed), restart it each time; then count.
     */
    Report crash(int kills) throws Exception {
        try (Cluster cluster = cluster("crash"); Traffic traffic = new Traffic(root, cluster.clientConfig());
             GroupLag group = new GroupLag(cluster.bootstrap())) {
            Set<String> ids = sendGood(traffic, "crash", samples);
            double[] killAt = new double[kills];
            for (int k = 0; k < kills; k++) {
                killAt[k] = 0.05 + 0.9 * (k + random.nextDouble()) / kills; // one in each stretch of the run
            }
            cluster.startStream(featureSet);
            double recover = 0;
            for (int k = 0; k < kills; k++) {
                double killPoint = samples * (1 - killAt[k]);
                long lag = await("kill point " + (k + 1) + " of " + kills).atMost(Duration.ofHours(1))
                        .pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(500))
                        .failFast("the stream exited before kill " + (k + 1) + "; see " + cluster.stream().log(),
                                () -> !cluster.stream().alive())
                        .until(group::lag, behind -> behind <= killPoint);
                cluster.stream().kill();
                long killed = System.nanoTime();
                cluster.startStream(featureSet);
                cluster.stream().awaitHttp(cluster.streamUrl() + "/q/health/ready", Duration.ofMinutes(3));
                recover = Math.max(recover, (System.nanoTime() - killed) / 1e9);
                System.out.printf("  crash: SIGKILL %d of %d with %d of %d samples committed; ready again in %.1f s%n",
                        k + 1, kills, samples - lag, samples, (System.nanoTime() - killed) / 1e9);
            }
            Audit audit = Audit.await(cluster.clientConfig(), ids, Duration.ofMinutes(3));
            ReferenceCheck.Result reference = new ReferenceCheck(root, work.resolve("crash"), featureSet).compare(traffic, audit, ids);
            int leaked = LogPrivacy.leaked(cluster.stream().log(), traffic, ids);
            return new Report(List.of(audit.line("crash", ids, recover), reference.line(),
                    LogPrivacy.line(cluster.stream().log(), leaked)),
                    audit.lost(ids) == 0 && audit.doubled() == 0 && reference.differ() == 0
                            && reference.compared() == ids.size() && leaked == 0);
        }
    }

    /** Stop the broker mid-stream and start it again; the stream must recover by itself. */
    Report brokerRestart() throws Exception {
        try (Cluster cluster = cluster("broker-restart"); Traffic traffic = new Traffic(root, cluster.clientConfig())) {
            Set<String> ids = sendGood(traffic, "broker", Math.max(1, samples / 5));
            cluster.startStream(featureSet);
            cluster.stream().awaitHttp(cluster.streamUrl() + "/q/health/ready", Duration.ofMinutes(3));
            // Mid-stream means verdicts are coming out: the broker goes once the first are, not after a fixed
            // pause (15 s was not enough on a busy machine; the broker then went before the stream had written
            // anything, and the scenario measured a cold start instead of a recovery).
            int atStop = await("the stream's first verdicts").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .failFast("the stream exited before its first verdict; see " + cluster.stream().log(), () -> !cluster.stream().alive())
                    .until(() -> Audit.read(cluster.clientConfig()).seen(ids), seen -> seen > 0);
            cluster.stopBroker();
            System.out.printf("  broker-restart: broker stopped after %d of %d samples were out; restarting in 10 s%n", atStop, ids.size());
            Thread.sleep(10_000); // how long the broker stays away: the fault itself, not a wait for an event
            cluster.startBroker();
            long back = System.nanoTime();
            int atRestart = Audit.read(cluster.clientConfig()).seen(ids);
            double recover;
            try {
                await("verdicts after the broker came back").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1))
                        .failFast("the stream died when the broker went away; see " + cluster.stream().log(), () -> !cluster.stream().alive())
                        .until(() -> atRestart == ids.size() || Audit.read(cluster.clientConfig()).seen(ids) > atRestart);
                recover = (System.nanoTime() - back) / 1e9;
            } catch (ConditionTimeoutException stalled) {
                recover = -1;
            }
            Audit audit = Audit.await(cluster.clientConfig(), ids, Duration.ofMinutes(3));
            return new Report(List.of(audit.line("broker-restart", ids, recover),
                    "  the same stream process throughout, never restarted: " + cluster.stream().alive()),
                    audit.lost(ids) == 0 && audit.doubled() == 0 && cluster.stream().alive() && recover >= 0
                            && atStop < ids.size());
        }
    }

    /** 10,000 bad records of every kind mixed into good traffic: every bad one dead-lettered with a reason. */
    Report badInput() throws Exception {
        try (Cluster cluster = cluster("bad-input"); Traffic traffic = new Traffic(root, cluster.clientConfig())) {
            BadRecords bad = new BadRecords(traffic, random);
            // The stream first, so the input topic is the stream's own (sized for 1 MiB texts), not a broker default.
            cluster.startStream(featureSet).awaitHttp(cluster.streamUrl() + "/q/health/ready", Duration.ofMinutes(3));
            Set<String> good = new LinkedHashSet<>();
            Map<String, String> kindOf = new LinkedHashMap<>();
            int goodCount = Math.max(1, samples / 10);
            for (int i = 0, g = 0; i < 10_000 || g < goodCount; i++) {
                if (i < 10_000) {
                    BadRecords.Record r = bad.next(i);
                    traffic.send(r.key(), r.value());
                    kindOf.put(r.key(), r.kind());
                }
                if (g < goodCount && (i % 2 == 0 || i >= 10_000)) {
                    TrainingSample s = g % 50 == 0 ? BadRecords.deeplyNested("bad-good-" + g, traffic.sample("x", g))
                            : traffic.sample("bad-good-" + g, g);
                    traffic.send(s);
                    good.add(s.getId());
                    g++;
                }
            }
            traffic.flush();
            Set<String> all = new LinkedHashSet<>(good);
            all.addAll(kindOf.keySet());
            Audit audit = Audit.await(cluster.clientConfig(), all, Duration.ofMinutes(3));
            long badWithReason = kindOf.keySet().stream().filter(k -> "dlq".equals(audit.route.get(k))
                    && !audit.dlqReason.get(k).equals("(none)")).count();
            long goodRouted = good.stream().filter(k -> audit.route.containsKey(k) && !"dlq".equals(audit.route.get(k))).count();
            Map<String, Map<String, Integer>> reasons = new LinkedHashMap<>();
            kindOf.forEach((k, kind) -> reasons.computeIfAbsent(kind, x -> new LinkedHashMap<>())
                    .merge(audit.dlqReason.getOrDefault(k, "NOT IN DLQ"), 1, Integer::sum));
            List<String> lines = new ArrayList<>(List.of(audit.line("bad-input", all, 0)));
            lines.add(String.format("  bad records dead-lettered with a reason: %d of %d; good records routed: %d of %d; stream alive: %s",
                    badWithReason, kindOf.size(), goodRouted, good.size(), cluster.stream().alive()));
            reasons.forEach((kind, r) -> lines.add("    " + kind + " -> " + r));
            int leaked = LogPrivacy.leaked(cluster.stream().log(), traffic, good);
            lines.add(LogPrivacy.line(cluster.stream().log(), leaked));
            return new Report(lines, audit.lost(all) == 0 && audit.doubled() == 0 && badWithReason == kindOf.size()
                    && goodRouted == good.size() && cluster.stream().alive() && leaked == 0);
        }
    }

    /**
     * Promoted bundles whose stored artifact was corrupted or truncated after upload (bit rot, a bad
     * disk, tampering), or which are whole but of the wrong shape (an SAE for another encoder's width),
     * are refused while the old set keeps serving; a stream started while the registry is down is not
     * ready and says why, instead of screening without a feature set.
     */
    Report featureSetFaults(Path otherSetA, Path otherSetB, Path wrongShape) throws Exception {
        try (Cluster cluster = cluster("feature-set"); Traffic traffic = new Traffic(root, cluster.clientConfig())) {
            RegistryCalls registry = new RegistryCalls(cluster.registryUrl(), Cluster.TOKEN);
            Path defaultZip = featureSet.resolveSibling(featureSet.getFileName() + ".zip");
            String serving = registry.upload(defaultZip).get("version").asText();
            registry.promote(serving);
            cluster.startStream(null).awaitHttp(cluster.streamUrl() + "/q/health/ready", Duration.ofMinutes(3));
            Set<String> ids = new LinkedHashSet<>();
            List<String> lines = new ArrayList<>();
            boolean passed = true;
            int round = 0;
            for (String fault : List.of("corrupt", "truncated", "wrong-shape")) {
                Path zip = switch (fault) {
                    case "corrupt" -> otherSetA;
                    case "truncated" -> otherSetB;
                    default -> wrongShape;
                };
                var candidate = registry.upload(zip);
                Path stored = cluster.dir.resolve("registry/artifacts/" + candidate.get("bundleSha256").asText() + ".zip");
                byte[] bytes = Files.readAllBytes(stored);
                if (fault.equals("corrupt")) {
                    for (int i = bytes.length / 3; i < bytes.length / 3 + 64; i++) {
                        bytes[i] ^= 0x5a;
                    }
                    Files.write(stored, bytes);
                } else if (fault.equals("truncated")) {
                    Files.write(stored, Arrays.copyOf(bytes, bytes.length / 2));
                }
                registry.promote(candidate.get("version").asText());
                // The new samples go in once the stream has had the promotion and refused the bundle: they must
                // then all be screened by the set it kept serving.
                awaitRefusal(cluster, candidate.get("version").asText());
                Set<String> batch = sendGood(traffic, "fs-" + (++round), 300);
                ids.addAll(batch);
                Audit audit = Audit.await(cluster.clientConfig(), batch, Duration.ofMinutes(2));
                long byOld = batch.stream().filter(id -> audit.verdicts.containsKey(id)
                        && audit.verdicts.get(id).getVerdict().getFeatureSetVersion().equals(serving)).count();
                String ready = Service.body(cluster.streamUrl() + "/q/health/ready");
                String refusal = refusal(cluster.stream().log(), candidate.get("version").asText());
                boolean refused = refusal != null;
                lines.add(String.format("  %s bundle %s promoted: refused %s; %d of %d new samples screened by %s; ready: %s",
                        fault, candidate.get("version").asText(), refused, byOld, batch.size(), serving, ready.contains("\"UP\"")));
                lines.add("    why: " + refusal);
                passed &= refused && byOld == batch.size() && ready.contains(serving);
                registry.rollback();
            }
            Audit audit = Audit.read(cluster.clientConfig());
            lines.add(0, audit.line("feature-set", ids, 0));
            passed &= audit.lost(ids) == 0 && audit.doubled() == 0;
            // A fresh instance while the registry is down: not ready, and the readiness body says why.
            cluster.stream().stop();
            cluster.stopRegistry();
            cluster.startStream(null);
            // Readiness is asked until it names the registry as the reason (or 3 minutes pass); becoming ready
            // meanwhile, with no registry to fetch a feature set from, fails at once.
            String readiness = cluster.streamUrl() + "/q/health/ready";
            try {
                await("readiness naming the registry").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                        .ignoreExceptionsInstanceOf(IOException.class) // the stream's HTTP port is not open yet
                        .failFast("the stream became ready with the registry down", () -> Service.status(readiness) == 200)
                        .until(() -> reasonOf(Service.body(readiness)).contains("cannot be reached"));
            } catch (ConditionTimeoutException notSaid) {
                // Reported below with whatever readiness says now.
            }
            int status = Service.status(readiness);
            String reason = reasonOf(Service.body(readiness));
            lines.add("  stream started while the registry is down: readiness " + status + ", reason: " + reason);
            passed &= status == 503 && reason.contains("cannot be reached");
            // The registry comes back: the same instance must serve by itself, no promotion, no restart.
            cluster.startRegistry();
            long back = System.nanoTime();
            cluster.stream().awaitHttp(cluster.streamUrl() + "/q/health/ready", Duration.ofMinutes(2));
            double recover = (System.nanoTime() - back) / 1e9;
            lines.add(String.format("  registry back: the stream serves again %.1f s later", recover));
            lines.set(0, audit.line("feature-set", ids, recover));
            return new Report(lines, passed);
        }
    }

    /** The {@code reason} a readiness body gives, or the whole body if it names none. */
    private static String reasonOf(String readinessBody) {
        return readinessBody.replaceAll("(?s).*\"reason\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    }

    /** Waits (up to 2 minutes) until the stream has logged its refusal of {@code version}; the caller reports whether it did. */
    private static void awaitRefusal(Cluster cluster, String version) {
        try {
            await("the stream's refusal of " + version).atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> refusal(cluster.stream().log(), version) != null);
        } catch (ConditionTimeoutException notRefused) {
            // Not refused in time: the check after sending the batch says so and fails the scenario.
        }
    }

    /** The stream's logged reason for refusing {@code version} (bundle paths shortened), or null if it did not. */
    private static String refusal(Path log, String version) throws IOException {
        String marker = "Refused feature set " + version + ": ";
        return Files.readAllLines(log).stream().filter(l -> l.contains(marker)).findFirst()
                .map(l -> l.substring(l.indexOf(marker) + marker.length()).replaceAll("/\\S*/", ".../"))
                .orElse(null);
    }

    /** Twice the measured throughput for {@code minutes}: lag grows, then drains; memory bounded; no rebalance storm. */
    Report load(int minutes) throws Exception {
        try (Cluster cluster = cluster("load"); Traffic traffic = new Traffic(root, cluster.clientConfig())) {
            return LoadScenario.run(cluster, traffic, featureSet, minutes);
        }
    }

    private Cluster cluster(String name) throws Exception {
        Path dir = work.resolve(name);
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        Cluster cluster = new Cluster(root, dir);
        cluster.startBroker();
        cluster.startRegistry();
        return cluster;
    }

    /** Sends good samples {@code prefix-0} .. {@code prefix-(n-1)} and flushes; returns their ids. */
    static Set<String> sendGood(Traffic traffic, String prefix, int n) {
        Set<String> ids = traffic.sendSamples(prefix, 0, n);
        traffic.flush();
        return ids;
    }
}
