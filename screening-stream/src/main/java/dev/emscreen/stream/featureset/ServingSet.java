package dev.emscreen.stream.featureset;

import dev.emscreen.features.Screener;
import dev.emscreen.features.bundle.FeatureSet;
import dev.emscreen.features.encoder.TextEncoder;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * A loaded feature set with the encoder it reads, as the stream serves it. Batches screen under
 * a read lock; retiring takes the write lock, so a set is closed only after the last batch that
 * picked it up has finished.
 */
public final class ServingSet {

    private final FeatureSet featureSet;
    private final TextEncoder encoder;
    private final Screener screener;
    private final String saeId;
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private boolean retired;

    public ServingSet(FeatureSet featureSet, TextEncoder encoder, int topFeatures) {
        this.featureSet = featureSet;
        this.encoder = encoder;
        this.screener = new Screener(encoder, featureSet, topFeatures);
        String saeHash = featureSet.manifest().files().get(featureSet.manifest().sae().file());
        this.saeId = featureSet.manifest().sae().architecture() + "-" + featureSet.sae().dSae() + "-"
                + (saeHash == null ? "unknown" : saeHash.substring(0, Math.min(16, saeHash.length())));
    }

    public String version() {
        return featureSet.version();
    }

    public FeatureSet featureSet() {
        return featureSet;
    }

    public TextEncoder encoder() {
        return encoder;
    }

    public Screener screener() {
        return screener;
    }

    /** Where the encoder runs: "cpu" or "cuda:N". */
    public String encoderDevice() {
        return encoder.device();
    }

    /** Where the SAE (and pooling) runs: "cpu" or "cuda:N". */
    public String saeDevice() {
        return featureSet.sae().device();
    }

    /** The SAE a verdict was made with: architecture, width and the weights' hash. */
    public String saeId() {
        return saeId;
    }

    /** Runs {@code work} unless the set was retired meanwhile (then returns null: the caller takes the new set). */
    <T> T use(Function<ServingSet, T> work) {
        lock.readLock().lock();
        try {
            return retired ? null : work.apply(this);
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Waits for batches in flight, then frees the SAE, and the encoder unless the successor reads the same one. */
    void retire(TextEncoder keep) {
        lock.writeLock().lock();
        try {
            retired = true;
            featureSet.close();
            if (encoder != keep) {
                encoder.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }
}
