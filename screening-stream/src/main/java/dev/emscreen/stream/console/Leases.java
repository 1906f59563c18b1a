package dev.emscreen.stream.console;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Who holds which waiting sample. A sample is shown to one annotator at a time: the console claims
 * it before showing it, and the claim lasts {@code ttl} past the annotator's last sign of life (the
 * page renews every few seconds), so a closed tab gives its sample back by itself.
 */
final class Leases {

    private record Lease(String annotator, Instant expires) {
    }

    private final ConcurrentMap<String, Lease> bySample = new ConcurrentHashMap<>();
    private final Duration ttl;

    Leases(Duration ttl) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("emscreen.review.lease-ttl must be positive, not " + ttl);
        }
        this.ttl = ttl;
    }

    /** Claims {@code sampleId} for {@code annotator} unless someone else holds it; true if the annotator holds it now. */
    boolean claim(String sampleId, String annotator, Instant now) {
        Lease after = bySample.compute(sampleId, (id, held) ->
                held == null || held.expires().isBefore(now) || held.annotator().equals(annotator)
                        ? new Lease(annotator, now.plus(ttl)) : held);
        return after.annotator().equals(annotator);
    }

    boolean holds(String sampleId, String annotator, Instant now) {
        Lease lease = bySample.get(sampleId);
        return lease != null && !lease.expires().isBefore(now) && lease.annotator().equals(annotator);
    }

    /** The annotator is still there: every live lease of theirs runs at least another {@code ttl}. */
    void renew(String annotator, Instant now) {
        Instant until = now.plus(ttl);
        bySample.replaceAll((id, lease) -> lease.annotator().equals(annotator) && !lease.expires().isBefore(now)
                && lease.expires().isBefore(until) ? new Lease(annotator, until) : lease);
    }

    void release(String sampleId, String annotator) {
        bySample.computeIfPresent(sampleId, (id, lease) -> lease.annotator().equals(annotator) ? null : lease);
    }

    void releaseAll(String annotator) {
        bySample.values().removeIf(lease -> lease.annotator().equals(annotator));
    }

    /** Forgets expired leases (called now and then; an expired lease already counts as free). */
    void evictExpired(Instant now) {
        bySample.values().removeIf(lease -> lease.expires().isBefore(now));
    }
}
