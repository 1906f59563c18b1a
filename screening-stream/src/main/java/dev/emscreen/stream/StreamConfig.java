package dev.emscreen.stream;

import dev.emscreen.schemas.TopicNames;
import dev.emscreen.features.encoder.Truncation;
import io.smallrye.config.ConfigMapping;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** The service's own settings ({@code emscreen.*}); defaults and their reasons are in application.properties. */
@ConfigMapping(prefix = "emscreen")
public interface StreamConfig {

    Topics topics();

    Batch batch();

    /** Contributing features recorded in each verdict. */
    int topFeatures();

    /** TRUNCATE (drop the oldest prompt tokens, flag the verdict) or REJECT (dead-letter as TOO_LONG). */
    Truncation truncation();

    int maxTextChars();

    FeatureSets featureSet();

    Review review();

    /** The review console at /review. */
    interface Review {
        /** How long a sample stays with an annotator whose page stopped renewing it (closed, offline). */
        Duration leaseTtl();

        /** How long a ruling waits before it is sent: U takes it back within this time. */
        Duration undoWindow();

        /**
         * Signs the per-annotator token every console request that changes something must carry (CSRF).
         * Set it, the same on every instance, behind a load balancer; unset, each start picks a random one.
         */
        Optional<String> csrfKey();
    }

    interface Topics {
        String samples();

        String accepted();

        String review();

        String quarantined();

        String reviewDecisions();

        String featureSetVersions();

        String deadLetters();

        /** Create missing topics on start (needs the CreateTopics ACL). */
        boolean create();

        int partitions();

        /** -1: the broker's default. */
        short replicationFactor();

        /**
         * The input topic's max.message.bytes when the stream creates it; the dead-letter topic allows
         * {@link dev.emscreen.stream.ops.TopicProvisioner#DEAD_LETTER_HEADROOM} more, for the reason headers a dead letter gains.
         */
        int maxMessageBytes();
    }

    interface Batch {
        int size();

        Duration maxWait();
    }

    interface FeatureSets {
        /** A bundle folder or .zip served from start (the embedded default); the registry feed can replace it. */
        Optional<Path> path();

        /** Where fetched bundle archives are kept, by sha256. */
        Path cacheDir();
    }

    default TopicNames topicNames() {
        Topics t = topics();
        return new TopicNames(t.samples(), t.accepted(), t.review(), t.quarantined(), t.reviewDecisions(),
                t.featureSetVersions(), t.deadLetters());
    }
}
