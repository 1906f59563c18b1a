package dev.emscreen.registry;

import dev.emscreen.features.bundle.BundleArchive;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.bundle.FeatureSetBundle;
import dev.emscreen.features.bundle.FeatureSetManifest;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Checks an uploaded archive the way a stream will before serving it: unpacks it (refusing
 * entries that escape), checks every file's hash and the version, and loads the SAE and the
 * proximity vector so their shapes are checked against the manifest and each other. What it does not
 * do is open the encoder: an SAE whose width does not match the encoder's passes here and is refused
 * by each stream when it warms the set up (the old set keeps serving there).
 */
@ApplicationScoped
public class BundleVerifier {

    /** Thrown with a message a person can act on. */
    public static final class InvalidBundleException extends Exception {
        InvalidBundleException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    public FeatureSetManifest verify(Path archive) throws InvalidBundleException {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("emscreen-verify-");
            BundleArchive.unpack(archive, dir);
            try (FeatureSet set = FeatureSetBundle.load(dir)) {
                return set.manifest();
            }
        } catch (Exception | OutOfMemoryError e) {
            String reason = e.getMessage() == null ? e.toString() : e.getMessage();
            if (dir != null) {
                reason = reason.replace(dir.toString(), "bundle");
            }
            throw new InvalidBundleException("not a valid feature-set bundle: " + reason, e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary folder left behind is not worth failing the request for
        }
    }
}
