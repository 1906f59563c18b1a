package dev.emscreen.stream.console;

import dev.emscreen.stream.StreamClientSettings;
import dev.emscreen.stream.StreamConfig;
import dev.emscreen.stream.featureset.ActiveFeatureSet;
import dev.emscreen.stream.topology.ScreeningSerdes;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.state.HostInfo;
import org.eclipse.microprofile.config.Config;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The review console's parts in the service: the desk over this instance's pending-reviews store,
 * the producer its rulings leave by, the CSRF tokens and the highlighter. Two background tasks keep
 * it moving: rulings whose undo window has passed are sent, and the queue snapshot is re-read.
 */
@Singleton // no client proxy: the resource reaches the started parts directly
public class ReviewConsole {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewConsole.class);
    /** How often rulings past their undo window are looked for: the send lags the window by at most this. */
    static final long SEND_EVERY_MS = 200;
    /** How often the queue is re-read from the store: new samples show up, decided ones go, within this. */
    static final long REFRESH_EVERY_MS = 1_000;

    @Inject
    KafkaStreams streams;
    @Inject
    StreamConfig config;
    @Inject
    Config all;
    @Inject
    ActiveFeatureSet active;

    private ReviewDesk desk;
    private CsrfTokens csrf;
    private Highlighter highlighter;
    private OtherConsoles others;
    private KafkaDecisionSender sender;
    private ScheduledExecutorService scheduler;

    void start(@Observes StartupEvent started) {
        csrf = new CsrfTokens(config.review().csrfKey().orElse(null));
        sender = new KafkaDecisionSender(StreamClientSettings.producer(all),
                new ScreeningSerdes(StreamClientSettings.serdes(all)).decisions(), config.topics().reviewDecisions());
        desk = new ReviewDesk(new StoreWaitingSamples(streams), sender, config.review().leaseTtl(), config.review().undoWindow(),
                Clock.systemUTC());
        highlighter = new Highlighter(active);
        others = new OtherConsoles(streams, HostInfo.buildFromEndpoint(
                all.getValue("quarkus.kafka-streams.application-server", String.class)));
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "emscreen-review-console");
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(() -> quietly("send rulings", desk::sendDue), SEND_EVERY_MS, SEND_EVERY_MS,
                TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> quietly("re-read the review queue", desk::refresh), REFRESH_EVERY_MS,
                REFRESH_EVERY_MS, TimeUnit.MILLISECONDS);
    }

    /**
     * Rulings still inside their undo window are sent now rather than lost with the process: once the
     * scheduler has stopped (a send in progress may take up to the producer's delivery timeout), the
     * desk refuses new rulings and sends what it holds.
     */
    void stop(@Observes ShutdownEvent stopping) {
        if (scheduler == null) {
            return;
        }
        scheduler.shutdownNow();
        try {
            if (!scheduler.awaitTermination(40, TimeUnit.SECONDS)) {
                LOG.warn("The review console's sender did not stop in 40 s; rulings it still holds stay unsent");
                return;
            }
            int left = desk.closeAndSendAll();
            if (left > 0) {
                LOG.warn("{} ruling(s) could not be sent before shutdown; their samples stay waiting for review", left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sender.close();
        }
    }

    ReviewDesk desk() {
        return desk;
    }

    Duration undoWindow() {
        return config.review().undoWindow();
    }

    CsrfTokens csrf() {
        return csrf;
    }

    OtherConsoles others() {
        return others;
    }

    Highlighter highlighter() {
        return highlighter;
    }

    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (IllegalStateException e) {
            LOG.debug("Could not {} now: {}", what, e.getMessage()); // the stream is starting or rebalancing
        } catch (RuntimeException e) {
            LOG.warn("Could not {}: {}", what, e.toString());
        }
    }
}
