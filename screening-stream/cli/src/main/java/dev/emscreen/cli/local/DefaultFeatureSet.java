package dev.emscreen.cli.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The default feature set of a local home ({@code feature-sets/default}): built from the shipped seed on
 * first use, and again once the recipe it was built by has changed. The recipe is the first line of
 * {@value #RECIPE_FILE} that is not a comment; the launcher script reads the same file. Without this, a
 * checkout upgraded to a better default build would keep serving the set its first run built.
 */
final class DefaultFeatureSet {

    static final String RECIPE_FILE = "trainer/default-feature-set.recipe";
    private static final Pattern VERSION = Pattern.compile("^\\s*\"version\"\\s*:\\s*\"(fs-[^\"]+)\"", Pattern.MULTILINE);

    private final Path dir;
    private final Path stamp;
    private final String recipe;

    private DefaultFeatureSet(Path dir, Path stamp, String recipe) {
        this.dir = dir;
        this.stamp = stamp;
        this.recipe = recipe;
    }

    /** The default set of {@code home}, judged by the recipe in the project at {@code root}. */
    static DefaultFeatureSet of(Path root, Path home) throws IOException {
        String recipe;
        try (Stream<String> lines = Files.lines(root.resolve(RECIPE_FILE), StandardCharsets.UTF_8)) {
            recipe = lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst()
                    .orElseThrow(() -> new IOException(root.resolve(RECIPE_FILE) + " names no recipe"));
        }
        Path sets = home.resolve("feature-sets");
        return new DefaultFeatureSet(sets.resolve("default"), sets.resolve("default.recipe"), recipe);
    }

    Path dir() {
        return dir;
    }

    /** Whether a set is there at all (a build that did not finish leaves no manifest). */
    boolean built() {
        return Files.isRegularFile(dir.resolve("manifest.json"));
    }

    /** The recipe the set there was built by; "unrecorded" for sets built before recipes were recorded. */
    String builtBy() throws IOException {
        return Files.isRegularFile(stamp) ? Files.readString(stamp, StandardCharsets.UTF_8).strip() : "unrecorded";
    }

    /** Why the set must be rebuilt, if it is there but built by another recipe than the current one. */
    Optional<String> outdated() throws IOException {
        if (!built()) {
            return Optional.empty();
        }
        String builtBy = builtBy();
        return builtBy.equals(recipe) ? Optional.empty()
                : Optional.of("built by an earlier recipe (" + builtBy + "; now: " + recipe + ")");
    }

    /** Moves the set there (and its .zip) to {@code default-<its version>}, replacing any copy of that version; returns where. */
    Path setAside() throws IOException {
        Matcher m = VERSION.matcher(Files.readString(dir.resolve("manifest.json"), StandardCharsets.UTF_8));
        Path kept = dir.resolveSibling("default-" + (m.find() ? m.group(1) : "former"));
        LocalStack.deleteRecursively(kept);
        Files.deleteIfExists(zipOf(kept));
        Files.move(dir, kept);
        if (Files.exists(zipOf(dir))) {
            Files.move(zipOf(dir), zipOf(kept), StandardCopyOption.REPLACE_EXISTING);
        }
        return kept;
    }

    /** Records that the set there was just built by the current recipe. */
    void recordBuilt() throws IOException {
        Files.writeString(stamp, recipe + "\n", StandardCharsets.UTF_8);
    }

    private static Path zipOf(Path set) {
        return set.resolveSibling(set.getFileName() + ".zip");
    }
}
