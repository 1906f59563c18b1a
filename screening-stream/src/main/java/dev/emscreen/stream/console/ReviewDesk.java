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

    /** One annotator's desk: rulings still inside their undo window (latest last) and samples skipped. */
    private static final class Annotator {
        final Deque<Held> held = new ArrayDeque<>();
        final Set<String> skipped = new HashSet<>();
    }

    private final ReviewQueue queue;
    private final Leases leases;
    private final DecisionSender sender;
    private final Duration undoWindow;
    private final Clock clock;
    private final DecisionLog log = new DecisionLog();
    private final Map<String, Annotator> annotators = new ConcurrentHashMap<>();
    /** Sent rulings, by sample, until a snapshot read after the send no longer holds the sample. */
    private final Map<String, Instant> sent = new ConcurrentHashMap<>();
    private volatile Instant lastUsed = Instant.EPOCH;

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

    /** The next sample for {@code annotator} under {@code filter}, now held by them; empty when none is free. */
    public Optional<Shown> next(String annotator, QueueFilter filter) {
        Instant now = touch();
        Annotator desk = desk(annotator);
        ReviewQueue.Snapshot snapshot = queue.snapshot(now);
        Set<String> mine = heldIds(desk);
        for (WaitingSample candidate : snapshot.in(filter.order())) {
            String id = candidate.sampleId();
            if (!filter.admits(candidate) || sent.containsKey(id) || mine.contains(id) || skipped(desk, id)
                    || !leases.claim(id, annotator, now)) { // the claim itself refuses a sample another holds
                continue;
            }
            ScreenedSample screened = queue.source().get(id);
            if (screened == null) { // decided elsewhere since the snapshot
                leases.release(id, annotator);
                continue;
            }
            return Optional.of(new Shown(screened, waiting(filter, snapshot, now)));
        }
        return Optional.empty();
    }

    /** Rules on a sample the annotator holds; sent after the undo window. */
    public void decide(String annotator, String sampleId, ReviewAction action, String reason) {
        Instant now = touch();
        if (reason != null && reason.length() > MAX_REASON_CHARS) {
            throw new IllegalArgumentException("the reason is " + reason.length() + " characters; at most " + MAX_REASON_CHARS);
        }
        Annotator desk = desk(annotator);
        synchronized (desk) {
            if (heldIds(desk).contains(sampleId)) {
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
            Instant due = now.plus(undoWindow);
            desk.held.addLast(new Held(new ReviewDecision(sampleId, action, annotator, why, now), due,
                    ModelLean.of(screened.getVerdict()) == action));
            leases.holdUntil(sampleId, annotator, due.plusSeconds(60));
        }
    }

    /** Puts a sample aside for this annotator (another may take it); it comes back in their next session. */
    public void skip(String annotator, String sampleId) {
        touch();
        Annotator desk = desk(annotator);
        synchronized (desk) {
            desk.skipped.add(sampleId);
        }
        leases.release(sampleId, annotator);
    }

    /** Takes back the annotator's latest ruling that has not been sent; the sample, still theirs, is shown again. */
    public Optional<Shown> undo(String annotator) {
        Instant now = touch();
        Annotator desk = desk(annotator);
        Held undone;
        synchronized (desk) {
            undone = desk.held.pollLast();
        }
        if (undone == null) {
            return Optional.empty();
        }
        String id = undone.decision().getSampleId();
        leases.claim(id, annotator, now);
        ScreenedSample screened = queue.source().get(id);
        return screened == null ? Optional.empty()
                : Optional.of(new Shown(screened, waiting(QueueFilter.ALL, queue.snapshot(now), now)));
    }

    /** The annotator's page is open: their samples stay theirs. */
    public void heartbeat(String annotator) {
        leases.renew(annotator, touch());
    }

    /** The annotator left (signed out, closed the page): their samples go back to the queue; rulings are still sent. */
    public void leave(String annotator) {
        touch();
        Annotator desk = desk(annotator);
        Set<String> keep;
        synchronized (desk) {
            keep = heldIds(desk);
            desk.skipped.clear();
        }
        Instant now = clock.instant();
        leases.releaseAll(annotator);
        keep.forEach(id -> leases.claim(id, annotator, now)); // rulings in their undo window stay reserved until sent
    }

    /** Sends every ruling whose undo window has passed. Called by the console's scheduler. */
    public void sendDue() {
        Instant now = clock.instant();
        for (var entry : annotators.entrySet()) {
            Annotator desk = entry.getValue();
            while (true) {
                Held first;
                synchronized (desk) {
                    first = desk.held.peekFirst();
                    if (first == null || first.due().isAfter(now)) {
                        break;
                    }
                }
                try {
                    sender.send(first.decision());
                } catch (Exception e) {
                    LOG.warn("Could not send {}'s ruling on {} (retrying): {}", entry.getKey(), first.decision().getSampleId(),
                            e.toString());
                    break;
                }
                String id = first.decision().getSampleId();
                synchronized (desk) {
                    desk.held.remove(first);
                }
                sent.put(id, now);
                leases.release(id, entry.getKey());
                log.add(new DecisionLog.Entry(entry.getKey(), now, first.decision().getAction(), first.agreesWithModel()));
            }
        }
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
        Instant oldest = snapshot.oldest().stream().filter(filter::admits).filter(s -> !sent.containsKey(s.sampleId()))
                .map(WaitingSample::since).findFirst().orElse(null);
        return new Dashboard(waiting(filter, snapshot, now), oldest == null ? null : Duration.between(oldest, now).toSeconds(),
                log.stats(now), snapshot.domains(), snapshot.versions());
    }

    /** Samples under {@code filter} nobody has ruled on (held ones included: they may come back). */
    private int waiting(QueueFilter filter, ReviewQueue.Snapshot snapshot, Instant now) {
        Set<String> ruled = new HashSet<>();
        annotators.values().forEach(desk -> ruled.addAll(heldIds(desk)));
        int count = 0;
        for (WaitingSample sample : snapshot.oldest()) {
            if (filter.admits(sample) && !sent.containsKey(sample.sampleId()) && !ruled.contains(sample.sampleId())) {
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

    private static Set<String> heldIds(Annotator desk) {
        synchronized (desk) {
            Set<String> ids = new HashSet<>();
            desk.held.forEach(h -> ids.add(h.decision().getSampleId()));
            return ids;
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
