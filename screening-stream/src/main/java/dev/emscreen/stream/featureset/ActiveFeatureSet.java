package dev.emscreen.stream.featureset;

import dev.emscreen.features.bundle.FeatureSetManifest;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The feature set every batch is screened with. Swapping is one atomic reference change: a batch
 * screens wholly with the old set or wholly with the new one, never a mix.
 */
public final class ActiveFeatureSet implements AutoCloseable {

    private final AtomicReference<ServingSet> current = new AtomicReference<>();
    private final List<Consumer<ServingSet>> listeners = new CopyOnWriteArrayList<>();
    private volatile String lastRefusal;

    public Optional<ServingSet> current() {
        return Optional.ofNullable(current.get());
    }

    public Optional<String> version() {
        return current().map(ServingSet::version);
    }

    /** Why the last offered set was refused, for readiness and logs; empty once a set serves after it. */
    public Optional<String> lastRefusal() {
        return Optional.ofNullable(lastRefusal);
    }

    public void onActivation(Consumer<ServingSet> listener) {
        listeners.add(listener);
    }

    /** Screens with the current set; empty when none is loaded yet. */
    public <T> Optional<T> use(Function<ServingSet, T> work) {
        while (true) {
            ServingSet set = current.get();
            if (set == null) {
                return Optional.empty();
            }
            T result = set.use(work);
            if (result != null) {
                return Optional.of(result);
            }
            // retired between get() and use(): take its successor
        }
    }

    /** True when the set now serving reads the same encoder as {@code next} would, so it can be shared. */
    boolean sharesEncoder(FeatureSetManifest.Encoder next) {
        ServingSet set = current.get();
        if (set == null || !"ONNX".equals(next.kind())) {
            return false; // TorchScript encoders live in their bundle: never shared across sets
        }
        FeatureSetManifest.Encoder now = set.featureSet().manifest().encoder();
        return now.kind().equals(next.kind()) && now.id().equals(next.id()) && now.maxTokens() == next.maxTokens()
                && now.layer() == next.layer();
    }

    void activate(ServingSet next) {
        ServingSet previous = current.getAndSet(next);
        lastRefusal = null;
        listeners.forEach(l -> l.accept(next));
        if (previous != null && previous != next) {
            previous.retire(next.encoder());
        }
    }

    void refused(String reason) {
        lastRefusal = reason;
    }

    @Override
    public void close() {
        ServingSet previous = current.getAndSet(null);
        if (previous != null) {
            previous.retire(null);
        }
    }
}
