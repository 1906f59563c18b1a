package dev.emscreen.stream.featureset;

/**
 * Serves a set the loader would never build (an encoder that fails on purpose), for tests outside this
 * package; in the service only {@link FeatureSetLoader} swaps sets, so {@code activate} stays package-private.
 */
public final class Activations {

    private Activations() {
    }

    public static void activate(ActiveFeatureSet active, ServingSet set) {
        active.activate(set);
    }
}
