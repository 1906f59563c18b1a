package dev.emscreen.stream.featureset;

import dev.emscreen.features.bundle.BundleVerificationException;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.Sha256;
import dev.emscreen.features.encoder.ChatText;
import dev.emscreen.features.encoder.Encoders;
import dev.emscreen.features.encoder.TextEncoder;
import dev.emscreen.features.encoder.Truncation;
import dev.emscreen.records.FeatureSetVersion;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches, verifies, warms and activates feature sets. Anything that fails (unreachable artifact,
 * wrong hash, corrupt or mis-shaped weights, an encoder that does not fit) refuses the new set
 * and leaves the old one serving.
 */
public final class FeatureSetLoader {

    private static final Logger LOG = LoggerFactory.getLogger(FeatureSetLoader.class);
    private static final ChatText WARM_UP = ChatText.of("Is it safe to mix bleach and ammonia for cleaning?",
            "No. Mixing them releases toxic chloramine gas; use one product at a time and ventilate the room.");

    private final ActiveFeatureSet active;
    private final Path cacheDir;
    private final Truncation truncation;
    private final int topFeatures;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public FeatureSetLoader(ActiveFeatureSet active, Path cacheDir, Truncation truncation, int topFeatures) {
        this.active = active;
        this.cacheDir = cacheDir;
        this.truncation = truncation;
        this.topFeatures = topFeatures;
    }

    /** Loads a bundle folder or archive from disk (the embedded default). Returns whether it now serves. */
    public boolean loadPath(Path bundle) {
        return activate(bundle.toString(), null, () -> bundle);
    }

    /** Loads what a change-feed entry announces. Returns whether it now serves. */
    public boolean load(FeatureSetVersion version) {
        if (version.getBundle() == null) {
            return refuse(version.getVersion(), "the entry names no bundle archive");
        }
        return activate(version.getVersion(), version.getVersion(), () -> fetch(version));
    }

    /**
     * The bundle's source (the registry) could not be reached: unlike a bad bundle, worth trying again.
     * Thrown after the refusal is recorded, so readiness already says why.
     */
    static final class SourceUnavailable extends RuntimeException {
        SourceUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private static final class Unreachable extends IOException {
        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private interface Fetch {
        Path get() throws IOException;
    }

    /**
     * Synchronized: one set loads at a time (the registry's feed and a configured path may both ask), so
     * a stream holds at most one set beyond the one serving.
     */
    private synchronized boolean activate(String what, String expectedVersion, Fetch fetch) {
        long start = System.nanoTime();
        FeatureSet set = null;
        TextEncoder encoder = null;
        try {
            set = FeatureSetBundle.load(fetch.get());
            if (expectedVersion != null && !expectedVersion.equals(set.version())) {
                throw new BundleVerificationException("the archive holds " + set.version() + ", not " + expectedVersion);
            }
            if (active.version().filter(set.version()::equals).isPresent()) {
                set.close();
                return true; // already serving
            }
            encoder = active.sharesEncoder(set.manifest()) ? active.current().orElseThrow().encoder()
                    : Encoders.open(set, truncation);
            ServingSet next = new ServingSet(set, encoder, topFeatures);
            var warm = next.screener().screen(List.of(WARM_UP)).get(0);
            if (warm.failed()) {
                throw new IllegalStateException("warm-up screening failed: " + warm.error().getMessage(), warm.error());
            }
            String previous = active.version().orElse("none");
            active.activate(next);
            LOG.info("Feature set {} now serving (was {}); loaded, verified and warmed in {} ms; encoder {} on {}, SAE on {}",
                    next.version(), previous, (System.nanoTime() - start) / 1_000_000, encoder.id(), next.encoderDevice(),
                    next.saeDevice());
            return true;
        } catch (Exception | OutOfMemoryError e) {
            if (set != null) {
                set.close();
            }
            if (encoder != null && active.current().map(ServingSet::encoder).orElse(null) != encoder) {
                encoder.close();
            }
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            refuse(what, reason);
            if (e instanceof Unreachable) {
                throw new SourceUnavailable(reason, e);
            }
            return false;
        }
    }

    private boolean refuse(String what, String reason) {
        String message = "Refused feature set " + what + ": " + reason + "; still serving "
                + active.version().orElse("nothing (not ready)");
        LOG.error(message);
        active.refused(message);
        return false;
    }

    private Path fetch(FeatureSetVersion version) throws IOException {
        URI uri = URI.create(version.getBundle().getUri());
        String expected = version.getBundle().getSha256();
        Files.createDirectories(cacheDir);
        Path archive = cacheDir.resolve(expected + ".zip");
        if (!Files.isRegularFile(archive) || !Sha256.of(archive).equals(expected)) {
            Path partial = Files.createTempFile(cacheDir, "fetch-", ".part");
            try {
                try (InputStream in = open(uri)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                String actual = Sha256.of(partial);
                if (!actual.equals(expected)) {
                    throw new BundleVerificationException(uri + " has sha256 " + actual + " but the registry announced "
                            + expected + " (corrupt, truncated or replaced)");
                }
                Files.move(partial, archive, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(partial);
            }
        }
        return archive;
    }

    private InputStream open(URI uri) throws IOException {
        String scheme = uri.getScheme() == null ? "file" : uri.getScheme();
        switch (scheme) {
            case "file":
                return Files.newInputStream(uri.getScheme() == null ? Path.of(uri.toString()) : Path.of(uri));
            case "http":
            case "https":
                try {
                    HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(5))
                            .GET().build(), HttpResponse.BodyHandlers.ofInputStream());
                    if (response.statusCode() != 200) {
                        response.body().close();
                        throw new IOException("GET " + uri + " answered HTTP " + response.statusCode());
                    }
                    return response.body();
                } catch (java.net.ConnectException | java.net.http.HttpTimeoutException e) {
                    throw new Unreachable("cannot reach " + uri + " (" + e + ")", e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while fetching " + uri, e);
                }
            default:
                throw new IOException("cannot fetch a bundle from '" + scheme + ":' URIs (file, http and https work)");
        }
    }
}
