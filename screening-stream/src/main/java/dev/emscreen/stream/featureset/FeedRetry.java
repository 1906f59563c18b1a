package dev.emscreen.stream.featureset;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Retries the one feed entry that could not be acted on because the registry (schema registry or
 * artifact store) was unreachable. The feed is read once, so without this an instance started
 * during a registry outage would never serve, even after the registry is back. A newer readable
 * entry replaces whatever is pending.
 */
final class FeedRetry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FeedRetry.class);
    /** How long close waits for an attempt under way: a load that is warming a model ends in seconds. */
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(10);

    private final Duration every;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "feature-set-feed-retry");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> pending;

    FeedRetry(Duration every) {
        this.every = every;
    }

    /** Tries {@code attempt} every period until it returns true (done) or another entry replaces it. */
    synchronized void retry(String what, BooleanSupplier attempt) {
        cancel();
        if (timer.isShutdown()) {
            // Closed while the stream still runs (its owner closed them out of order): failing here would
            // kill the global stream thread, and a retry could not run anyway.
            LOG.warn("Not retrying {}: the feed's retry is closed", what);
            return;
        }
        LOG.warn("Will retry {} every {} s until the registry answers", what, every.toSeconds());
        ScheduledFuture<?>[] self = new ScheduledFuture<?>[1];
        self[0] = timer.scheduleWithFixedDelay(() -> {
            try {
                if (attempt.getAsBoolean()) {
                    LOG.info("Retried {}: done", what);
                    done(self[0]);
                }
            } catch (RuntimeException e) {
                LOG.debug("Retry of {} failed again: {}", what, e.toString());
            }
        }, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        pending = self[0];
    }

    /** Stops {@code task}; leaves alone a retry that the attempt itself scheduled in its place. */
    private synchronized void done(ScheduledFuture<?> task) {
        task.cancel(false);
        if (pending == task) {
            pending = null;
        }
    }

    synchronized void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }

    /**
     * Stops the timer and its thread, interrupting an attempt under way (a fetch), and waits a little
     * for it to end, so that once closed no attempt touches the feature set any more.
     */
    @Override
    public void close() {
        synchronized (this) { // against retry(): it checks for shutdown, then schedules
            timer.shutdownNow();
        }
        try {
            if (!timer.awaitTermination(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("The feed's retry did not stop within {} s; it ends with its attempt", CLOSE_WAIT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
