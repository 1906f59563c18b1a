package dev.emscreen.registry;

import dev.emscreen.features.bundle.Sha256;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Bundle archives by their sha256. Writing goes to a temporary file first and is moved into place
 * only once whole and hashed, so a failed or oversized upload leaves nothing behind.
 */
@ApplicationScoped
public class ArtifactStore {

    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    @Inject
    RegistryConfig config;

    /** Thrown when an upload is larger than the configured limit. */
    public static final class TooLargeException extends IOException {
        TooLargeException(long limit) {
            super("the upload is larger than emscreen.registry.max-upload-bytes=" + limit);
        }
    }

    /** Copies {@code in} to a temporary file in the store's folder, refusing more than the limit. */
    public Path receive(InputStream in) throws IOException {
        Files.createDirectories(config.artifactDir());
        Path partial = Files.createTempFile(config.artifactDir(), "upload-", ".part");
        long limit = config.maxUploadBytes();
        long total = 0;
        try (OutputStream out = Files.newOutputStream(partial)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limit) {
                    throw new TooLargeException(limit);
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(partial);
            throw e;
        }
        return partial;
    }

    /** Moves a verified upload into place; returns its sha256. */
    public String keep(Path received) throws IOException {
        String sha = Sha256.of(received);
        Files.move(received, pathOf(sha), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return sha;
    }

    public Optional<Path> find(String sha) {
        if (!SHA256.matcher(sha).matches()) {
            return Optional.empty();
        }
        Path path = pathOf(sha);
        return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
    }

    private Path pathOf(String sha) {
        return config.artifactDir().resolve(sha + ".zip");
    }
}
