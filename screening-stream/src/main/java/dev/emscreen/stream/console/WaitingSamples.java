package dev.emscreen.stream.console;

import dev.emscreen.records.ScreenedSample;
import java.util.function.BiConsumer;

/** The samples waiting for an annotator, as this instance holds them (the stream's pending-reviews store). */
public interface WaitingSamples {

    /** Every waiting sample; may throw {@link IllegalStateException} while the store is not queryable. */
    void forEach(BiConsumer<String, ScreenedSample> action);

    /** The sample, or null when it no longer waits. */
    ScreenedSample get(String sampleId);
}
