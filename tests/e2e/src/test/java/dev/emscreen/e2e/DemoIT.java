package dev.emscreen.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main command as a new user runs it: ./emscreen demo (building the default feature set
 * unless another test of this module already did), each part a process of its own. The summary must add up to the
 * demo stream, and the exported accepted route must be chat-format JSONL of exactly those samples.
 */
class DemoIT {

    static final Path ROOT = Path.of(System.getProperty("emscreen.root", "../..")).toAbsolutePath().normalize();

    @TempDir
    Path home;

    @Test
    void theDemoRoutesEverySampleOnceAndExportsTheAcceptedOnesForFineTuning() throws Exception {
        int sent = (int) Files.readAllLines(ROOT.resolve("deploy/demo/stream.jsonl")).stream().filter(l -> !l.isBlank()).count();
        Path log = home.resolve("demo.log");

        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("emscreen").toString(), "demo").directory(ROOT.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("EMSCREEN_HOME", Launcher.HOME.toString());
        Process demo = builder.start();
        demo.getOutputStream().close();
        // Whichever launcher test runs first builds the default feature set (about 8 minutes on 2 free cores, 12 on busy ones).
        boolean finished = demo.waitFor(30, TimeUnit.MINUTES);
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (!finished) {
            demo.destroy();
        }

        assertThat(finished).as(out).isTrue();
        assertThat(demo.exitValue()).as(out).isZero();
        assertThat(out).contains("Review console: http://localhost:18080/review/ (");
        assertThat(out).contains("total          " + sent + " = " + sent + " sent", "One example per route:",
                "Stopped everything this command started");
        int accepted = count(out, "accepted"), review = count(out, "review"), quarantined = count(out, "quarantined"),
                dlq = count(out, "dead letters");
        assertThat(accepted + review + quarantined + dlq).isEqualTo(sent);
        assertThat(quarantined).as("the held-back samples include plainly harmful ones").isPositive();
        List<String> exported = Files.readAllLines(Launcher.HOME.resolve("demo/accepted.jsonl"));
        assertThat(exported).hasSize(accepted);
        ObjectMapper json = new ObjectMapper();
        for (String line : exported) {
            JsonNode sample = json.readTree(line);
            assertThat(sample.fieldNames()).toIterable().containsExactly("messages");
            assertThat(sample.get("messages")).allSatisfy(m -> assertThat(m.get("role").asText()).isIn("system", "user", "assistant"));
        }
    }

    private static int count(String out, String route) {
        Matcher m = Pattern.compile("(?m)^  " + Pattern.quote(route) + "\\s+(\\d+)$").matcher(out);
        assertThat(m.find()).as("a count for " + route).isTrue();
        return Integer.parseInt(m.group(1));
    }
}
