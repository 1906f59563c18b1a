package dev.emscreen.stream.featureset;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FeedRetryTest {

    @Test
    void aRetryAskedForAfterCloseIsDroppedRatherThanFailingTheFeed() {
        // Given a retry its owner has closed while the stream still reads the feed
        FeedRetry retry = new FeedRetry(Duration.ofMillis(20));
        retry.close();

        // When the feed meets an entry it cannot serve, Then asking for a retry does not throw into the stream thread
        assertThatCode(() -> retry.retry("an entry", () -> false)).doesNotThrowAnyException();
    }
}
