package dev.emscreen.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Leave-one-domain-out for every domain with one SAE: a line per domain, and a domain's own labels never used for it. */
class LeaveOneOutCommandTest {

    private static final List<String> DOMAINS = List.of("health", "legal", "finance");

    @TempDir
    Path dir;
    private Path slice;

    @Test
    void givenThreeDomainsWhenEachIsLeftOutThenItsScoresNeverDependOnItsOwnLabels() throws Exception {
        List<String> samples = seedLines("samples.jsonl").stream().filter(l -> DOMAINS.stream().anyMatch(d -> l.contains(
                "\"domain\": \"" + d + "\""))).toList();
        Path data = folder("data", samples);
        // The same data with health's labels swapped: health's scores must not move, so its AUROC mirrors.
        Path flipped = folder("flipped", samples.stream().map(l -> l.contains("\"domain\": \"health\"") ? swapLabel(l) : l).toList());

        Cli.Run run = loro(data);
        Cli.Run mirrored = loro(flipped);

        assertThat(run.exit()).as(run.err()).isZero();
        Map<String, Double> auroc = aurocs(run.out());
        assertThat(auroc).containsOnlyKeys(DOMAINS);
        assertThat(run.out()).contains("Mean AUROC", "over 3 domains");
        // Every sample of the domain is scored, its training and validation samples alike.
        long legalInducing = samples.stream().filter(l -> l.contains("\"domain\": \"legal\"") && l.contains("\"label\": \"inducing\"")).count();
        long legalControl = samples.stream().filter(l -> l.contains("\"domain\": \"legal\"") && l.contains("\"label\": \"control\"")).count();
        assertThat(legalInducing).isGreaterThan(SeedSlice.PER_CELL);
        assertThat(run.out()).contains("LORO domain=legal", "inducing=" + legalInducing + " control=" + legalControl);
        assertThat(mirrored.exit()).as(mirrored.err()).isZero();
        assertThat(aurocs(mirrored.out()).get("health")).isCloseTo(1 - auroc.get("health"), offset(0.0011)); // printed to 3 decimals
    }

    @Test
    void oneDomainIsAUsageError() throws Exception {
        List<String> samples = seedLines("samples.jsonl").stream().filter(l -> l.contains("\"domain\": \"legal\"")).toList();

        Cli.Run run = loro(folder("one", samples));

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("at least two domains", "[legal]");
    }

    private Cli.Run loro(Path data) {
        return Cli.run("leave-one-out", "--data", data.toString(), "--encoder", "all-minilm-l6-v2", "--sae-width", "128", "--k", "8",
                "--epochs", "3");
    }

    private static Map<String, Double> aurocs(String out) {
        Matcher m = Pattern.compile("LORO domain=(\\S+) auroc=([0-9.]+)").matcher(out);
        Map<String, Double> found = new java.util.TreeMap<>();
        while (m.find()) {
            found.put(m.group(1), Double.parseDouble(m.group(2)));
        }
        return found;
    }

    private Path folder(String name, List<String> samples) throws IOException {
        Path folder = Files.createDirectories(dir.resolve(name));
        Files.write(folder.resolve("samples.jsonl"), samples);
        Files.write(folder.resolve("reference.jsonl"), seedLines("reference.jsonl"));
        return folder;
    }

    private static String swapLabel(String line) {
        return line.contains("\"label\": \"inducing\"") ? line.replace("\"label\": \"inducing\"", "\"label\": \"control\"")
                : line.replace("\"label\": \"control\"", "\"label\": \"inducing\"");
    }

    private List<String> seedLines(String name) throws IOException {
        if (slice == null) {
            slice = SeedSlice.write(dir.resolve("slice"));
        }
        return Files.readAllLines(slice.resolve(name)).stream().filter(l -> !l.isBlank()).collect(Collectors.toList());
    }
}
