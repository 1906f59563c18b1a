package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** deploy/kafka-local/kafka-local.sh tells a caller the truth: a broker that never came up is a failure. */
class KafkaLocalScriptIT {

    @TempDir
    Path data;

    @Test
    void givenABrokerThatIsNotUpInTimeWhenTheScriptGivesUpThenItExitsNonZeroAndLeavesNoBroker() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort(); // never bound by the broker in time: the script gives up at once
        }
        Path log = data.resolve("script.log");
        ProcessBuilder builder = new ProcessBuilder(Launcher.ROOT.resolve("deploy/kafka-local/kafka-local.sh").toString(),
                "--port", Integer.toString(port), "--controller-port", Integer.toString(port + 1), "--data", data.resolve("kafka").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        // No time to start: the path a broker that hangs at start takes, without waiting a minute for it.
        builder.environment().put("KAFKA_LOCAL_START_SECONDS", "0");
        Process script = builder.start();
        try {
            assertThat(script.waitFor(2, TimeUnit.MINUTES)).as(Launcher.read(log)).isTrue();

            assertThat(script.exitValue()).as(Launcher.read(log)).isNotZero();
            assertThat(Launcher.read(log)).contains("did not open port " + port).doesNotContain("Kafka broker ready");
            assertThat(brokersOf(data)).as("a broker JVM left behind").isEmpty();
        } finally {
            brokersOf(data).forEach(ProcessHandle::destroyForcibly);
            script.destroyForcibly();
        }
    }

    /** Broker JVMs started on {@code data}: their command line names its server.properties. */
    private static List<ProcessHandle> brokersOf(Path data) {
        String config = data.resolve("kafka").toString();
        return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("kafka.Kafka") && c.contains(config)).orElse(false))
                .toList();
    }
}
