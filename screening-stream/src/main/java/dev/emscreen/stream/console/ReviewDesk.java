package dev.emscreen.stream.console;

import dev.emscreen.records.ReviewAction;
import dev.emscreen.records.ReviewDecision;
import dev.emscreen.records.ScreenedSample;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where annotators work the review queue: each gets the next waiting sample nobody else holds,
 * rules on it, skips it or takes the last ruling back. A ruling waits {@code undoWindow} before it
 * is sent (so U undoes it before it leaves, never as a second, contradicting ruling), then goes to
 * the decisions topic, and the sample disappears from every queue of this instance at once.
 */
public final class ReviewDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ReviewDesk.class);
    /** Longest reason kept with a ruling. */
    static final int MAX_REASON_CHARS = 2_000;

    /** A sample given to an annotator: the record and how many others wait under the same filter. */
    public record Shown(ScreenedSample screened, int waiting) {
    }

    /** Refused: the sample is not (or no longer) this annotator's to rule on. */
    public static final class NotYours extends RuntimeException {
        NotYours(String message) {
            super(message);
        }
    }

    private record Held(ReviewDecision decision, Instant due, boolean agreesWithModel) {
    }

    /**
     * One annotator's desk: rulings still waiting to be sent (latest last), the sample on their screen,
     * and samples skipped. Guarded by its own monitor.
     */
    private static final class Annotator {
        final Deque<Held> held = new ArrayDeque<>();
        final Set<String> skipped = new HashSet<>();
        String showing;
    }

    private final ReviewQueue queue;
    private final Leases leases;
    private final DecisionSender sender;
    private final Duration undoWindow;
    private final Clock clock;
    private final DecisionLog log = new DecisionLog();
    private final Map<String, Annotator> annotators = new ConcurrentHashMap<>();
    /**
     * Samples with a ruling waiting out its undo window or being sent, and who ruled: nobody is given
     * them, whatever became of leases meanwhile (the broker may be down for longer than a lease lasts).
     */
    private final Map<String, String> ruled = new ConcurrentHashMap<>();
    /** Sent rulings, by sample, until a snapshot read after the send no longer holds the sample. */
    private final Map<String, Instant> sent = new ConcurrentHashMap<>();
    private volatile Instant lastUsed = Instant.EPOCH;
    private volatile boolean closing;

    public ReviewDesk(WaitingSamples waiting, DecisionSender sender, Duration leaseTtl, Duration undoWindow, Clock clock) {
        if (undoWindow.isNegative()) {
            throw new IllegalArgumentException("emscreen.review.undo-window must not be negative, not " + undoWindow);
        }
        this.queue = new ReviewQueue(waiting);
        this.leases = new Leases(leaseTtl);
        this.sender = sender;
        this.undoWindow = undoWindow;
        this.clock = clock;
    }

    /**
     * The next sample for {@code annotator} under {@code filter}, now held by them (the one they were
     * shown before goes back to the queue); empty when none is free.
     */
    public Optional<Shown> next(String annotator, QueueFilter filter) {
        Instant now = touch();
        Annotator desk = desk(annotator);
        ReviewQueue.Snapshot snapshot = queue.snapshot(now);
        for (WaitingSample candidate : snapshot.in(filter.order())) {
            String id = candidate.sampleId();
            if (!filter.admits(candidate) || sent.containsKey(id) || ruled.containsKey(id) || skipped(desk, id)
                    || !leases.claim(id, annotator, now)) { // the claim itself refuses a sample another holds
                continue;
            }
            ScreenedSample screened = queue.source().get(id);
            if (screened == null || ruled.containsKey(id)) { // decided elsewhere since the snapshot, or just now
                leases.release(id, annotator);
                continue;
            }
            showing(desk, annotator, id);
            return Optional.of(new Shown(screened, waiting(filter, snapshot)));
        }
        showing(desk, annotator, null);
        return Optional.empty();
    }

    /** Rules on a sample the annotator holds; sent after the undo window. */
    public void decide(String annotator, String sampleId, ReviewAction action, String reason) {
        Instant now = touch();
        open();
        if (reason != null && reason.length() > MAX_REASON_CHARS) {
            throw new IllegalArgumentException("the reason is " + reason.length() + " characters; at most " + MAX_REASON_CHARS);
        }
        Annotator desk = desk(annotator);
        synchronized (desk) {
            if (annotator.equals(ruled.get(sampleId))) {
                throw new NotYours("sample " + sampleId + " is already decided; press U to take that back first");
            }
            if (!leases.holds(sampleId, annotator, now)) {
                throw new NotYours("sample " + sampleId + " is not yours to decide: your hold on it expired, or another annotator has it");
            }
            ScreenedSample screened = queue.source().get(sampleId);
            if (screened == null) {
                leases.release(sampleId, annotator);
                throw new NotYours("sample " + sampleId + " no longer waits for review (decided elsewhere)");
            }
            String why = reason == null || reason.isBlank() ? null : reason.strip();
            ruled.put(sampleId, annotator);
            desk.held.addLast(new Held(new ReviewDecision(sampleId, action, annotator, why, now), now.plus(undoWindow),
                    ModelLean.of(screened.getVerdict()) == action));
            if (sampleId.equals(desk.showing)) {
                desk.showing = null;
            }
            leases.release(sampleId, annotator); // the ruling reserves it now
        }
    }

    /** Puts a sample aside for this annotator (another may take it); it comes back in their next session. */
    public void skip(String annotator, String sampleId) {
        touch();
        Annotator desk = desk(annotator);
        synchronized (desk) {
            desk.skipped.add(sampleId);
            if (sampleId.equals(desk.showing)) {
                desk.showing = null;
            }
        }
        leases.release(sampleId, annotator);
    }

    /**
     * Takes back the annotator's latest ruling while it is inside its undo window; the sample, theirs
     * again, is shown again. A ruling past its window is being sent (or was): it cannot be taken back,
     * so the sender and undo never both have it.
     */
    public Optional<Shown> undo(String annotator) {
        touch();
        open();
        Annotator desk = desk(annotator);
        Held undone;
        Instant now;
        synchronized (desk) {
            now = clock.instant();
            Held last = desk.held.peekLast();
            if (last == null || !last.due().isAfter(now)) {
                return Optional.empty();
            }
            undone = desk.held.pollLast();
            String id = undone.decision().getSampleId();
            if (!leases.claim(id, annotator, now)) { // cannot happen while the ruling reserved it; never show a sample twice
                desk.held.addLast(undone);
                throw new NotYours("sample " + id + " is held by another annotator; the ruling stands");
            }
            ruled.remove(id, annotator);
            showing(desk, annotator, id);
        }
        ScreenedSample screened = queue.source().get(undone.decision().getSampleId());
        return screened == null ? Optional.empty()
                : Optional.of(new Shown(screened, waiting(QueueFilter.ALL, queue.snapshot(now))));
    }

    /** The annotator's page is open: their samples stay theirs. */
    public void heartbeat(String annotator) {
        leases.renew(annotator, touch());
    }

    /** The annotator left (signed out, closed the page): the sample on their screen goes back; rulings are still sent. */
    public void leave(String annotator) {
        touch();
        Annotator desk = desk(annotator);
        synchronized (desk) {
            desk.skipped.clear();
            desk.showing = null;
        }
        leases.releaseAll(annotator);
    }

    /** Sends every ruling whose undo window has passed. Called by the console's scheduler. */
    public void sendDue() {
        sendDueBy(clock.instant());
    }

    /**
     * The service is stopping: refuses new rulings and undos, then sends every ruling, in or past its
     * window. Call once the scheduler has stopped. Returns how many could not be sent (their samples
     * stay waiting on the review topic).
     */
    public int closeAndSendAll() {
        closing = true;
        sendDueBy(Instant.MAX);
        int left = 0;
        for (Annotator desk : annotators.values()) {
            synchronized (desk) {
                left += desk.held.size();
            }
        }
        return left;
    }

    private void sendDueBy(Instant cutoff) {
        for (var entry : annotators.entrySet()) {
            Annotator desk = entry.getValue();
            while (true) {
                Held first;
                synchronized (desk) { // taken out under the monitor: undo can no longer reach it
                    first = desk.held.peekFirst();
                    if (first == null || first.due().isAfter(cutoff)) {
                        break;
                    }
                    desk.held.pollFirst();
                }
                String id = first.decision().getSampleId();
                try {
                    sender.send(first.decision());
                } catch (Exception e) {
                    synchronized (desk) {
                        desk.held.addFirst(first); // still past its window: sent on the next round, not undoable
                    }
                    LOG.warn("Could not send {}'s ruling on {} (retrying): {}", entry.getKey(), id, e.toString());
                    break;
                }
                Instant now = clock.instant();
                sent.put(id, now); // before the reservation goes: the sample is hidden from every queue throughout
                ruled.remove(id, entry.getKey());
                log.add(new DecisionLog.Entry(entry.getKey(), now, first.decision().getAction(), first.agreesWithModel()));
            }
        }
    }

    /** The sample while it waits for review on this instance. */
    public Optional<ScreenedSample> waitingSample(String sampleId) {
        return Optional.ofNullable(queue.source().get(sampleId));
    }

    /** Re-reads the store if someone used the console in the last ten minutes; forgets what the store has caught up with. */
    public void refresh() {
        Instant now = clock.instant();
        if (lastUsed.isBefore(now.minus(Duration.ofMinutes(10)))) {
            return;
        }
        ReviewQueue.Snapshot snapshot = queue.refresh(now);
        sent.entrySet().removeIf(e -> e.getValue().isBefore(now) && !snapshot.ids().contains(e.getKey()));
        leases.evictExpired(now);
    }

    /** The dashboard's figures. */
    public record Dashboard(int waiting, Long oldestWaitingSeconds, List<DecisionLog.AnnotatorStats> annotators,
                            List<String> domains, List<String> featureSetVersions) {
    }

    public Dashboard dashboard(QueueFilter filter) {
        Instant now = touch();
        ReviewQueue.Snapshot snapshot = queue.snapshot(now);
        Instant oldest = snapshot.oldest().stream().filter(filter::admits)
                .filter(s -> !sent.containsKey(s.sampleId()) && !ruled.containsKey(s.sampleId()))
                .map(WaitingSample::since).findFirst().orElse(null);
        return new Dashboard(waiting(filter, snapshot), oldest == null ? null : Duration.between(oldest, now).toSeconds(),
                log.stats(now), snapshot.domains(), snapshot.versions());
    }

    /** How many samples under {@code filter} nobody has ruled on (held ones included: they may come back). */
    public int waiting(QueueFilter filter) {
        return waiting(filter, queue.snapshot(touch()));
    }

    private int waiting(QueueFilter filter, ReviewQueue.Snapshot snapshot) {
        int count = 0;
        for (WaitingSample sample : snapshot.oldest()) {
            if (filter.admits(sample) && !sent.containsKey(sample.sampleId()) && !ruled.containsKey(sample.sampleId())) {
                count++;
            }
        }
        return count;
    }

    private static boolean skipped(Annotator desk, String id) {
        synchronized (desk) {
            return desk.skipped.contains(id);
        }
    }

    /** Records what is on the annotator's screen now; the sample shown before, if not ruled on, goes back to the queue. */
    private void showing(Annotator desk, String annotator, String id) {
        String before;
        synchronized (desk) {
            before = desk.showing;
            desk.showing = id;
        }
        if (before != null && !before.equals(id)) {
            leases.release(before, annotator);
        }
    }

    private void open() {
        if (closing) {
            throw new IllegalStateException("the service is stopping; rule again in a moment (on another instance)");
        }
    }

    private Annotator desk(String annotator) {
        return annotators.computeIfAbsent(annotator, a -> new Annotator());
    }

    private Instant touch() {
        Instant now = clock.instant();
        lastUsed = now;
        return now;
    }
}
