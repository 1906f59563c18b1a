package dev.emscreen.stream.featureset;

import dev.emscreen.features.bundle.FeatureSetBundle;
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

    /**
     * True when the set now serving reads the same encoder as {@code next} would, so it can be shared: the
     * same model, layer and token limit, and for a model that travels in its bundle (TorchScript, an ONNX
     * language model) the same files (weights, tokenizer, chat template). A language model is gigabytes:
     * sharing it keeps a swap to one extra SAE in memory, not a second model.
     */
    boolean sharesEncoder(FeatureSetManifest next) {
        ServingSet set = current.get();
        if (set == null) {
            return false;
        }
        FeatureSetManifest now = set.featureSet().manifest();
        FeatureSetManifest.Encoder a = now.encoder();
        FeatureSetManifest.Encoder b = next.encoder();
        return a.kind().equals(b.kind()) && a.id().equals(b.id()) && a.maxTokens() == b.maxTokens() && a.layer() == b.layer()
                && ENCODER_FILES.stream().allMatch(f -> java.util.Objects.equals(now.files().get(f), next.files().get(f)));
    }

    private static final List<String> ENCODER_FILES = List.of(FeatureSetBundle.ENCODER_MODEL_FILE, FeatureSetBundle.ENCODER_ONNX_FILE,
            FeatureSetBundle.ENCODER_ONNX_DATA_FILE, FeatureSetBundle.ENCODER_TOKENIZER_FILE, FeatureSetBundle.ENCODER_CHAT_TEMPLATE_FILE);

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
