package dev.emscreen.registry;

import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.util.Optional;

/** The registry service's settings ({@code emscreen.registry.*}); defaults and reasons in application.properties. */
@ConfigMapping(prefix = "emscreen.registry")
public interface RegistryConfig {

    /** Bearer token for writes. Without one the registry is read-only (writes answer 403 and say why). */
    Optional<String> token();

    /** Whether reads need the token too. */
    boolean protectReads();

    /** Content-addressed artifact store: {@code <dir>/<sha256>.zip}. */
    Path artifactDir();

    /** Journal of the in-memory schema registry this service hosts (when it uses mock://), replayed on start. */
    Path schemaJournal();

    /** Uploads above this are refused (413) before anything is stored. */
    long maxUploadBytes();

    /** The compacted change feed the streams follow. */
    String topic();

    /**
     * How streams reach this service: bundle URIs in the feed are {@code <public-url>/artifacts/<sha256>}.
     * Unset: the address the upload was sent to.
     */
    Optional<String> publicUrl();
}
